//! Control Panel > Sales Process > Sales Objectives: the list, the editor, the objective's
//! page with its target history and assignments, archive and restore.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Query};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::message::Message;
use crate::domain::money::MoneyStyle;
use crate::domain::number;
use crate::domain::objective::{Context, FROM_THE_START, Measure, ObjectiveKind, SalesMetric, TOO_MANY_OBJECTIVES};
use crate::domain::period::{Calendar, PeriodKind};
use crate::objectives::{self, ObjectiveForm};
use crate::store::actions::{self, ActionWithOutcomes};
use crate::store::objectives::{self as stored, ObjectiveRow, TargetRow};
use crate::store::pipelines::{self, PipelineRow};
use crate::store::teams::{self, TeamRow};
use crate::store::users::{self, UserRow};
use crate::web::current_user::{CurrentUser, ObjectivesEditor};
use crate::web::error::{Refused, form_status, refusal};
use crate::web::html_form::{HtmlForm, HtmlQuery};
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState, with_conn};

const HERE: &str = "/control-panel/sales-objectives";

/// An objective as the list shows it.
pub struct ObjectiveItem {
    pub id: ObjectiveId,
    pub name: String,
    pub kind: ObjectiveKind,
    pub counts: String,
    pub pipeline: String,
    pub targets: String,
    pub assignees: String,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/list.html")]
struct ListPage {
    layout: Layout,
    objectives: Vec<ObjectiveItem>,
    archived: bool,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/form.html")]
struct FormPage {
    layout: Layout,
    /// None: a new objective.
    objective: Option<ObjectiveId>,
    form: ObjectiveForm,
    errors: FieldErrors,
    actions: Vec<ActionWithOutcomes>,
    pipelines: Vec<PipelineRow>,
    periods: &'static [PeriodKind],
    kinds: &'static [ObjectiveKind],
    metrics: &'static [SalesMetric],
    contexts: &'static [Context],
    currency: String,
}

impl FormPage {
    fn is_activity(&self) -> bool {
        self.form.kind() != Some(ObjectiveKind::Sales)
    }

    /// The active results of the chosen action, and whether each is ticked.
    fn outcome_choices(&self) -> Vec<(String, String, bool)> {
        self.actions
            .iter()
            .find(|a| a.action.id.to_string() == self.form.action_id.trim())
            .map(|a| {
                a.outcomes
                    .iter()
                    .filter(|o| o.active)
                    .map(|o| {
                        let id = o.id.to_string();
                        let ticked = self.form.outcome_ids.contains(&id);
                        (id, o.name.clone(), ticked)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn target_rows(&self) -> [TargetInput<'_>; 2] {
        [
            TargetInput {
                first: true,
                period_field: "period_1",
                target_field: "target_1",
                period: &self.form.period_1,
                target: &self.form.target_1,
            },
            TargetInput {
                first: false,
                period_field: "period_2",
                target_field: "target_2",
                period: &self.form.period_2,
                target: &self.form.target_2,
            },
        ]
    }

    fn form_url(&self) -> String {
        match self.objective {
            Some(id) => format!("{HERE}/{id}/edit"),
            None => format!("{HERE}/new"),
        }
    }
}

/// One (period, target) pair of the editor.
pub struct TargetInput<'a> {
    pub first: bool,
    pub period_field: &'static str,
    pub target_field: &'static str,
    pub period: &'a str,
    pub target: &'a str,
}

pub struct HolderItem {
    pub user_id: UserId,
    pub name: String,
    pub active: bool,
    pub objectives: i64,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/show.html")]
struct ShowPage {
    layout: Layout,
    objective: ObjectiveRow,
    counts: String,
    pipeline: String,
    history: Vec<(String, String, String, String)>,
    holders: Vec<HolderItem>,
    users: Vec<UserRow>,
    teams: Vec<TeamRow>,
    assign_error: Option<Refused>,
    too_many: usize,
}

impl ShowPage {
    fn holds(&self, user: &UserId) -> bool {
        self.holders.iter().any(|h| h.user_id == *user)
    }

    fn overloaded(&self) -> Vec<&HolderItem> {
        self.holders.iter().filter(|h| h.objectives > self.too_many as i64).collect()
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    archived: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    user_ids: Vec<String>,
    team_id: String,
}

pub async fn list(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    query: Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let archived = query.archived.as_deref().is_some_and(|a| !a.is_empty() && a != "0");
    let (account, locale, money) = (current.account.clone(), current.locale, current.money());
    let objectives = with_conn(&state.pool, move |conn| {
        let catalogue = actions::list(conn, account.id)?;
        let pipelines = pipelines::list(conn, account.id)?;
        let now = Utc::now();
        let mut items = Vec::new();
        for line in stored::list(conn, account.id, archived)? {
            let objective = line.objective;
            let outcomes = stored::outcomes(conn, objective.id)?;
            let current = objectives::current_targets(conn, &account, &objective, now)?;
            let measure = objective.measure();
            items.push(ObjectiveItem {
                id: objective.id,
                kind: objective.kind(),
                counts: describe(locale, &objective, &outcomes, &catalogue),
                pipeline: pipeline_name(locale, &objective, &pipelines),
                targets: current
                    .iter()
                    .map(|(period, value)| {
                        let period = crate::i18n::lookup(locale, period.label_key(), &[]);
                        let target = measure.display(*value, &money);
                        crate::i18n::lookup(locale, "cp-period-target", &[("period", &period), ("target", &target)])
                    })
                    .collect::<Vec<_>>()
                    .join(" · "),
                assignees: number::integer(locale, line.assignees),
                name: objective.name,
            });
        }
        Ok(items)
    })
    .await?;
    let layout = Layout::signed_in("cp-objectives-title", &current, "/control-panel");
    html(current.locale, StatusCode::OK, &ListPage { layout, objectives, archived })
}

/// What an objective counts, in words.
fn describe(
    locale: Locale,
    objective: &ObjectiveRow,
    outcomes: &[crate::domain::ids::OutcomeId],
    catalogue: &[ActionWithOutcomes],
) -> String {
    match objective.kind() {
        ObjectiveKind::Sales => {
            objective.metric().map_or(String::new(), |m| crate::i18n::lookup(locale, m.label_key(), &[]))
        }
        ObjectiveKind::Activity => {
            let action = catalogue.iter().find(|a| Some(a.action.id) == objective.action_id);
            let Some(action) = action else { return String::new() };
            let results = if objective.whole_action {
                crate::i18n::lookup(locale, "cp-all-results", &[])
            } else {
                action
                    .outcomes
                    .iter()
                    .filter(|o| outcomes.contains(&o.id))
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let context =
                objective.context().map_or(String::new(), |c| crate::i18n::lookup(locale, c.label_key(), &[]));
            let action = action.action.name.as_str();
            crate::i18n::lookup(
                locale,
                "cp-counts-activity",
                &[("action", action), ("results", &results), ("context", &context)],
            )
        }
    }
}

fn pipeline_name(locale: Locale, objective: &ObjectiveRow, pipelines: &[PipelineRow]) -> String {
    objective
        .pipeline_id
        .and_then(|id| pipelines.iter().find(|p| p.id == id))
        .map_or_else(|| crate::i18n::lookup(locale, "cp-all-pipelines", &[]), |p| p.name.clone())
}

pub async fn new(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlQuery(form): HtmlQuery<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    new_form(state, current, form).await
}

/// The new-objective form posted back to itself without JavaScript (a kind or an action
/// chosen): drawn again with what was typed, nothing saved. Posted, not sent as a query,
/// so that its CSRF token stays out of URLs.
pub async fn reload_new(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlForm(form): HtmlForm<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    new_form(state, current, form).await
}

async fn new_form(
    state: Data<AppState>,
    current: CurrentUser,
    mut form: ObjectiveForm,
) -> Result<HttpResponse, AppError> {
    form.locale = current.locale;
    if form.kind.is_empty() {
        form.kind = ObjectiveKind::Activity.as_str().to_owned();
    }
    render_form(&state, &current, None, form, FieldErrors::new()).await
}

pub async fn create(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlForm(mut form): HtmlForm<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    form.locale = current.locale;
    let (account, typed, actor) = (current.account.clone(), form.clone(), current.user.id);
    let done =
        with_conn(&state.pool, move |conn| Ok(objectives::create(conn, &account, Some(actor), &typed, Utc::now())))
            .await?;
    match done {
        Ok(id) => Ok(changed(&current, &format!("{HERE}/{id}"), "cp-objective-created")),
        Err(error) => render_form(&state, &current, None, form, refusal(error)?).await,
    }
}

/// The editor for an existing objective; a query (the form reloaded without JavaScript)
/// wins over the stored values.
pub async fn edit(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<i64>,
    HtmlQuery(typed): HtmlQuery<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    edit_form(state, current, path, typed).await
}

/// The editor posted back to itself without JavaScript: see `reload_new`.
pub async fn reload_edit(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<i64>,
    HtmlForm(typed): HtmlForm<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    edit_form(state, current, path, typed).await
}

async fn edit_form(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<i64>,
    mut typed: ObjectiveForm,
) -> Result<HttpResponse, AppError> {
    typed.locale = current.locale;
    let id = ObjectiveId(path.into_inner());
    let (account, locale) = (current.account.clone(), current.locale);
    let stored = with_conn(&state.pool, move |conn| {
        let Some(row) = stored::find(conn, account.id, id)? else { return Err(AppError::NotFound) };
        let outcomes = stored::outcomes(conn, id)?;
        let current = objectives::current_targets(conn, &account, &row, Utc::now())?;
        Ok(ObjectiveForm::from_objective(&row, &outcomes, &current, locale))
    })
    .await?;
    let form = if typed.kind.is_empty() { stored } else { typed };
    render_form(&state, &current, Some(id), form, FieldErrors::new()).await
}

pub async fn update(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<i64>,
    HtmlForm(mut form): HtmlForm<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    form.locale = current.locale;
    let id = ObjectiveId(path.into_inner());
    let (account, typed, actor) = (current.account.clone(), form.clone(), current.user.id);
    let done =
        with_conn(&state.pool, move |conn| Ok(objectives::update(conn, &account, Some(actor), id, &typed, Utc::now())))
            .await?;
    match done {
        Ok(()) => Ok(changed(&current, &format!("{HERE}/{id}"), "cp-objective-saved")),
        Err(error) => render_form(&state, &current, Some(id), form, refusal(error)?).await,
    }
}

async fn render_form(
    state: &Data<AppState>,
    current: &CurrentUser,
    objective: Option<ObjectiveId>,
    form: ObjectiveForm,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let (actions, pipelines) = with_conn(&state.pool, move |conn| {
        let actions = actions::list(conn, account)?.into_iter().filter(|a| a.action.active).collect();
        Ok((actions, pipelines::list(conn, account)?))
    })
    .await?;
    let status = form_status(&errors);
    let title = if objective.is_some() { "cp-edit-objective" } else { "cp-new-objective" };
    let page = FormPage {
        layout: Layout::signed_in(title, current, "/control-panel"),
        objective,
        form,
        errors,
        actions,
        pipelines,
        periods: PeriodKind::ALL,
        kinds: ObjectiveKind::ALL,
        metrics: SalesMetric::ALL,
        contexts: Context::ALL,
        currency: current.account.currency.clone(),
    };
    html(current.locale, status, &page)
}

pub async fn show(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<i64>,
) -> Result<HttpResponse, AppError> {
    render_show(&state, &current, ObjectiveId(path.into_inner()), None).await
}

async fn render_show(
    state: &Data<AppState>,
    current: &CurrentUser,
    id: ObjectiveId,
    assign_error: Option<Refused>,
) -> Result<HttpResponse, AppError> {
    let (account, locale) = (current.account.clone(), current.locale);
    let page_parts = with_conn(&state.pool, move |conn| {
        let Some(objective) = stored::find(conn, account.id, id)? else { return Err(AppError::NotFound) };
        let catalogue = actions::list(conn, account.id)?;
        let outcomes = stored::outcomes(conn, id)?;
        let pipelines = pipelines::list(conn, account.id)?;
        let counts = stored::active_counts(conn, account.id)?;
        let holders = stored::holders(conn, id)?
            .into_iter()
            .map(|h| HolderItem {
                objectives: counts.iter().find(|(u, _)| *u == h.user_id).map_or(0, |(_, n)| *n),
                user_id: h.user_id,
                name: h.name,
                active: h.active,
            })
            .collect();
        let history = stored::targets(conn, id)?;
        Ok((
            describe(locale, &objective, &outcomes, &catalogue),
            pipeline_name(locale, &objective, &pipelines),
            history,
            holders,
            users::list_active(conn, account.id)?,
            teams::list(conn, account.id)?,
            objective,
        ))
    })
    .await?;
    let (counts, pipeline, history, holders, users, teams, objective) = page_parts;
    let measure = objective.measure();
    let calendar = current.account.calendar();
    let history = history_lines(locale, &calendar, &history, measure, &current.money());
    let status = Refused::status(assign_error.as_ref());
    let page = ShowPage {
        layout: Layout::signed_in(Message::verbatim(&objective.name), current, "/control-panel"),
        objective,
        counts,
        pipeline,
        history,
        holders,
        users,
        teams,
        assign_error,
        too_many: TOO_MANY_OBJECTIVES,
    };
    html(current.locale, status, &page)
}

/// (period, from, value, set on) per history entry, for reading.
fn history_lines(
    locale: Locale,
    calendar: &Calendar,
    history: &[TargetRow],
    measure: Measure,
    money: &MoneyStyle,
) -> Vec<(String, String, String, String)> {
    history
        .iter()
        .map(|t| {
            let period = crate::i18n::lookup(locale, t.period.label_key(), &[]);
            (
                period,
                if t.effective_from == FROM_THE_START {
                    crate::i18n::lookup(locale, "cp-from-the-start", &[])
                } else {
                    crate::i18n::date(locale, t.effective_from)
                },
                measure.display(t.value, money),
                crate::i18n::date(locale, calendar.local_date(t.set_at.and_utc())),
            )
        })
        .collect()
}

pub async fn archive(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(i64, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, op) = path.into_inner();
    let archived = match op.as_str() {
        "archive" => true,
        "restore" => false,
        _ => return Err(AppError::NotFound),
    };
    let (id, account, actor) = (ObjectiveId(id), current.account.clone(), current.user.id);
    with_conn(&state.pool, move |conn| {
        Ok(objectives::set_archived(conn, &account, Some(actor), id, archived, Utc::now()))
    })
    .await??;
    let message = if archived { "cp-objective-archived" } else { "cp-objective-restored" };
    Ok(changed(&current, &format!("{HERE}/{id}"), message))
}

pub async fn assign(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<i64>,
    HtmlForm(form): HtmlForm<AssignForm>,
) -> Result<HttpResponse, AppError> {
    let (id, account) = (ObjectiveId(path.into_inner()), current.account.clone());
    let done = with_conn(&state.pool, move |conn| {
        Ok(if form.team_id.trim().is_empty() {
            objectives::assign_users(conn, &account, id, &form.user_ids, Utc::now())
        } else {
            objectives::assign_team(conn, &account, id, &form.team_id, Utc::now())
        })
    })
    .await?;
    match done {
        Ok(count) => {
            let message = Message::new("cp-assigned-to-users").arg("count", count);
            Ok(changed(&current, &format!("{HERE}/{id}"), message))
        }
        Err(error) => render_show(&state, &current, id, Some(Refused::of(current.locale, error)?)).await,
    }
}

pub async fn unassign(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (id, user) = path.into_inner();
    let (id, user, account) = (ObjectiveId(id), UserId(user), current.account.clone());
    with_conn(&state.pool, move |conn| Ok(objectives::unassign(conn, &account, id, user))).await??;
    Ok(changed(&current, &format!("{HERE}/{id}"), "cp-assignment-removed"))
}
