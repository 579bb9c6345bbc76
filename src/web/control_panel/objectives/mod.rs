//! Control Panel > Sales Process > Sales Objectives: the list, the editor, the objective's
//! page with its target history and assignments, archive and restore; a holder's and a
//! team's targets and the planning grid have their own files.

mod holder;
mod plan;
mod team;
mod view;

pub use holder::{save as save_holder_targets, show as holder_targets};
pub use plan::{
    export as export_plan, fill as fill_plan, import as import_plan, save as save_plan,
    seasonality as save_seasonality, show as plan,
};
pub use team::{
    assign as assign_team, confirm_remove as confirm_remove_team, remove as remove_team, save as save_team_targets,
    show as team_targets,
};

/// The team assignment form as typed, and its errors, for the objective's page.
#[derive(Default)]
pub(super) struct TeamForm {
    team_id: String,
    typed: crate::app::objectives::period_targets::PeriodTargetsForm,
    errors: FieldErrors,
}

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Query};
use serde::Deserialize;

use self::view::{
    FormPage, HolderItem, ListPage, ObjectiveItem, ShowPage, TeamItem, describe, history_lines, period_targets,
    pipeline_name,
};
use crate::app::objectives::assignments::{self, AssignTo};
use crate::app::objectives::pages::{self, EditorPage, Shelf};
use crate::app::objectives::{ObjectiveForm, editor};
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::message::Message;
use crate::domain::number;
use crate::domain::objective::{Context, ObjectiveKind, SalesMetric, TOO_MANY_OBJECTIVES};
use crate::domain::period::PeriodKind;
use crate::i18n;
use crate::web::confirmation::{self, Ask};
use crate::web::current_user::{CurrentUser, ObjectivesEditor};
use crate::web::error::{Refused, form_status, refusal};
use crate::web::html_form::{HtmlForm, HtmlInput};
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

const HERE: &str = "/control-panel/sales-objectives";

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    archived: Option<String>,
    #[serde(default)]
    ended: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    user_ids: Vec<String>,
    team_id: String,
    /// Ticked (any value): the team's managers are assigned too.
    include_managers: String,
}

/// Archiving's two directions, as the objective page's buttons ask for them.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArchiveOp {
    Archive,
    Restore,
}

pub async fn list(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    query: Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let asked = |flag: &Option<String>| flag.as_deref().is_some_and(|a| !a.is_empty() && a != "0");
    let shelf = match (asked(&query.archived), asked(&query.ended)) {
        (true, _) => Shelf::Archived,
        (false, true) => Shelf::Ended,
        (false, false) => Shelf::Running,
    };
    let listing = state.app.run_as(&current.actor, move |cx, actor| pages::list(cx, actor, shelf)).await?;
    let (locale, money) = (current.locale, current.money());
    let today = current.account().calendar().local_date(chrono::Utc::now());
    let objectives = listing
        .objectives
        .into_iter()
        .map(|summary| {
            let objective = summary.objective;
            let measure = objective.measure();
            ObjectiveItem {
                id: objective.id,
                kind: objective.kind,
                counts: describe(locale, &objective, &summary.outcomes, &listing.catalogue),
                pipeline: pipeline_name(locale, &objective, &listing.pipelines),
                targets: period_targets(locale, measure, &money, &summary.targets),
                assignees: number::integer(locale, summary.assignees),
                dates: i18n::objective_dates(locale, objective.dates(), today),
                name: objective.name,
            }
        })
        .collect();
    let layout = Layout::signed_in("cp-objectives-title", &current, "/control-panel");
    html(current.locale, StatusCode::OK, &ListPage { layout, objectives, shelf })
}

/// The new-objective form; choosing a kind or an action draws it again with what was typed
/// (by htmx, or posted back without JavaScript), nothing saved.
pub async fn new(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlInput(mut form): HtmlInput<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    form.locale = current.locale;
    if form.kind.is_empty() {
        form.kind = ObjectiveKind::Activity.as_str().to_owned();
    }
    render_form(&state, &current, None, Some(form), FieldErrors::new()).await
}

pub async fn create(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlForm(mut form): HtmlForm<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    form.locale = current.locale;
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| editor::create(cx, actor, &typed)).await {
        Ok(id) => Ok(changed(&current, &format!("{HERE}/{id}"), "cp-objective-created")),
        Err(error) => render_form(&state, &current, None, Some(form), refusal(error)?).await,
    }
}

/// The editor of an existing objective; what was typed (the form drawn again, see `new`)
/// wins over the stored values.
pub async fn edit(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlInput(mut typed): HtmlInput<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    typed.locale = current.locale;
    let form = (!typed.kind.is_empty()).then_some(typed);
    render_form(&state, &current, Some(path.into_inner()), form, FieldErrors::new()).await
}

pub async fn update(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlForm(mut form): HtmlForm<ObjectiveForm>,
) -> Result<HttpResponse, AppError> {
    form.locale = current.locale;
    let id = path.into_inner();
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| editor::update(cx, actor, id, &typed)).await {
        Ok(()) => Ok(changed(&current, &format!("{HERE}/{id}"), "cp-objective-saved")),
        Err(error) => render_form(&state, &current, Some(id), Some(form), refusal(error)?).await,
    }
}

/// The editor of a new objective or of `objective`, filled with `form` or else with the
/// objective as stored.
async fn render_form(
    state: &Data<AppState>,
    current: &CurrentUser,
    objective: Option<ObjectiveId>,
    form: Option<ObjectiveForm>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let locale = current.locale;
    let EditorPage { stored, actions, pipelines } =
        state.app.run_as(&current.actor, move |cx, actor| pages::editor_page(cx, actor, objective, locale)).await?;
    let form = form.or(stored).unwrap_or_default();
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
        currency: current.account().currency.clone(),
    };
    html(current.locale, status, &page)
}

pub async fn show(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
) -> Result<HttpResponse, AppError> {
    render_show(&state, &current, path.into_inner(), None, TeamForm::default()).await
}

async fn render_show(
    state: &Data<AppState>,
    current: &CurrentUser,
    id: ObjectiveId,
    assign_error: Option<Refused>,
    team_form: TeamForm,
) -> Result<HttpResponse, AppError> {
    let page = state.app.run_as(&current.actor, move |cx, actor| pages::page(cx, actor, id)).await?;
    let locale = current.locale;
    let objective = page.objective;
    let history =
        history_lines(locale, &current.account().calendar(), &page.history, objective.measure(), &current.money());
    let holders = page
        .holders
        .into_iter()
        .map(|h| HolderItem {
            own_targets: period_targets(locale, objective.measure(), &current.money(), &h.own_targets),
            user_id: h.user_id,
            name: h.name,
            active: h.active,
            objectives: h.objectives,
        })
        .collect();
    let status = match Refused::status(assign_error.as_ref()) {
        StatusCode::OK => form_status(&team_form.errors),
        status => status,
    };
    let team_holders = page
        .team_holders
        .iter()
        .map(|(team, targets)| TeamItem {
            id: team.team_id,
            name: team.name.clone(),
            targets: period_targets(locale, objective.measure(), &current.money(), targets),
        })
        .collect();
    let team_fields = objective
        .periods()
        .into_iter()
        .map(|kind| {
            let field = crate::app::objectives::period_targets::PeriodTargetsForm::field(kind);
            let label = i18n::lookup(locale, "cp-team-target-label", &[("period", kind.as_str())]);
            let value = team_form.typed.typed(kind).unwrap_or_default().to_owned();
            (field, label, value)
        })
        .collect();
    let today = current.account().calendar().local_date(chrono::Utc::now());
    let dates = objective.dates();
    let shown_on = dates.ends_on.filter(|_| dates.has_ended(today)).or(dates.starts_on.filter(|first| *first > today));
    let results_url = format!(
        "/statistics/sales-objectives/{}?type={}&period={}{}",
        objective.id,
        objective.kind.as_str(),
        objective.period_1.as_str(),
        shown_on.map(|day| format!("&date={day}")).unwrap_or_default()
    );
    let page = ShowPage {
        team_holders,
        team_fields,
        team_id: team_form.team_id,
        team_errors: team_form.errors,
        dates: i18n::objective_dates(locale, dates, today),
        results_url,
        layout: Layout::signed_in(Message::verbatim(&objective.name), current, "/control-panel"),
        counts: describe(locale, &objective, &page.outcomes, &page.catalogue),
        pipeline: pipeline_name(locale, &objective, &page.pipelines),
        objective,
        history,
        holders,
        users: page.users,
        teams: page.teams,
        assign_error,
        too_many: TOO_MANY_OBJECTIVES,
    };
    html(current.locale, status, &page)
}

pub async fn archive(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, ArchiveOp)>,
) -> Result<HttpResponse, AppError> {
    let (id, op) = path.into_inner();
    let archived = matches!(op, ArchiveOp::Archive);
    state.app.run_as(&current.actor, move |cx, actor| editor::set_archived(cx, actor, id, archived)).await?;
    let message = if archived { "cp-objective-archived" } else { "cp-objective-restored" };
    Ok(changed(&current, &format!("{HERE}/{id}"), message))
}

pub async fn assign(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlForm(form): HtmlForm<AssignForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let done = state
        .app
        .run_as(&current.actor, move |cx, actor| {
            let to = match form.team_id.trim() {
                "" => AssignTo::Users(&form.user_ids),
                team => AssignTo::Team { team, include_managers: !form.include_managers.trim().is_empty() },
            };
            assignments::assign(cx, actor, id, to)
        })
        .await;
    match done {
        Ok(count) => {
            let message = Message::new("cp-assigned-to-users").arg("count", count);
            Ok(changed(&current, &format!("{HERE}/{id}"), message))
        }
        Err(error) => {
            let refused = Refused::of(current.locale, error)?;
            render_show(&state, &current, id, Some(refused), TeamForm::default()).await
        }
    }
}

pub async fn unassign(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (id, user) = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| assignments::unassign(cx, actor, id, user)).await?;
    Ok(changed(&current, &format!("{HERE}/{id}"), "cp-assignment-removed"))
}

/// `GET …/{id}/archive`: what archiving the objective does, and the button.
pub async fn confirm_archive(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (name, holders) = state.app.run_as(&current.actor, move |cx, actor| editor::archiving(cx, actor, id)).await?;
    let count = holders.to_string();
    let sentence = i18n::lookup(current.locale, "cp-archive-question", &[("name", &name), ("count", &count)]);
    let back = format!("{HERE}/{id}");
    let ask = Ask {
        heading: "cp-archive-title",
        confirm: "cp-archive",
        back: &back,
        back_label: "cp-objectives-title",
        menu: "/control-panel",
    };
    confirmation::page(&current, ask, vec![sentence], &format!("{back}/archive"), Vec::new())
}

/// `GET …/{id}/assignments/{user_id}/delete`: whose figures leave the objective, and the button.
pub async fn confirm_unassign(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (id, user) = path.into_inner();
    let (objective, name) =
        state.app.run_as(&current.actor, move |cx, actor| assignments::removal(cx, actor, id, user)).await?;
    let sentence =
        i18n::lookup(current.locale, "cp-remove-holder-question", &[("name", &name), ("objective", &objective)]);
    let back = format!("{HERE}/{id}");
    let ask = Ask {
        heading: "cp-remove-holder-title",
        confirm: "cp-remove",
        back: &back,
        back_label: "cp-objectives-title",
        menu: "/control-panel",
    };
    confirmation::page(&current, ask, vec![sentence], &format!("{back}/assignments/{user}/delete"), Vec::new())
}
