//! `…/sales-objectives/{id}/teams…`: giving an objective to a team with the team's own
//! targets, changing them, and taking the objective back.

use actix_web::HttpResponse;
use actix_web::web::{Data, Path};
use askama::Template;
use serde::Deserialize;

use super::{HERE, TeamForm, render_show};
use crate::app::objectives::period_targets::PeriodTargetsForm;
use crate::app::objectives::team_objectives::{self, TeamPage};
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, TeamId};
use crate::domain::message::Message;
use crate::domain::period::PeriodKind;
use crate::web::confirmation::{self, Ask};
use crate::web::current_user::{CurrentUser, ObjectivesEditor};
use crate::web::error::{form_status, refusal};
use crate::web::html_form::HtmlForm;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

/// The assignment form: a team, and its targets per period kind.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AssignTeamForm {
    team_id: String,
    #[serde(flatten)]
    targets: PeriodTargetsForm,
}

/// `POST …/{id}/teams`.
pub async fn assign(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlForm(mut form): HtmlForm<AssignTeamForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    form.targets.locale = current.locale;
    let typed = form.clone();
    let assigned = state
        .app
        .run_as(&current.actor, move |cx, actor| team_objectives::assign(cx, actor, id, &typed.team_id, &typed.targets))
        .await;
    match assigned {
        Ok(_) => Ok(changed(&current, &format!("{HERE}/{id}#teams"), "cp-team-assigned")),
        Err(error) => {
            let errors = refusal(error)?;
            let team = TeamForm { team_id: form.team_id, typed: form.targets, errors };
            render_show(&state, &current, id, None, team).await
        }
    }
}

/// A period kind's field, with what is in force now.
pub struct TeamField {
    pub field: &'static str,
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/team.html")]
struct TeamTargetsPage {
    layout: Layout,
    objective_id: ObjectiveId,
    objective: String,
    team_id: TeamId,
    team: String,
    fields: Vec<TeamField>,
    errors: FieldErrors,
}

pub async fn show(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, TeamId)>,
) -> Result<HttpResponse, AppError> {
    render(&state, &current, path.into_inner(), None, FieldErrors::new()).await
}

pub async fn save(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, TeamId)>,
    HtmlForm(mut form): HtmlForm<PeriodTargetsForm>,
) -> Result<HttpResponse, AppError> {
    let (id, team) = path.into_inner();
    form.locale = current.locale;
    let typed = form.clone();
    match state
        .app
        .run_as(&current.actor, move |cx, actor| team_objectives::set_targets(cx, actor, id, team, &typed))
        .await
    {
        Ok(count) => {
            let message = Message::new("cp-holder-targets-saved").arg("count", count);
            Ok(changed(&current, &format!("{HERE}/{id}#teams"), message))
        }
        Err(error) => render(&state, &current, (id, team), Some(form), refusal(error)?).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    (id, team): (ObjectiveId, TeamId),
    typed: Option<PeriodTargetsForm>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let TeamPage { objective, team: holder, targets } =
        state.app.run_as(&current.actor, move |cx, actor| team_objectives::page(cx, actor, id, team)).await?;
    let locale = current.locale;
    let measure = objective.measure();
    let calendar = current.account().calendar();
    let today = calendar.local_date(chrono::Utc::now());
    let fields = objective
        .periods()
        .into_iter()
        .map(|kind: PeriodKind| {
            let from = crate::i18n::date(locale, calendar.period_of_date(kind, today).start());
            let stored =
                targets.iter().find(|(k, _)| *k == kind).map(|(_, v)| measure.to_form(locale, *v)).unwrap_or_default();
            TeamField {
                field: PeriodTargetsForm::field(kind),
                label: crate::i18n::lookup(
                    locale,
                    "cp-holder-target-label",
                    &[("period", kind.as_str()), ("date", &from)],
                ),
                value: typed.as_ref().and_then(|t| t.typed(kind)).map_or(stored, str::to_owned),
            }
        })
        .collect();
    let page = TeamTargetsPage {
        layout: Layout::signed_in(
            Message::new("cp-team-targets-title").arg("name", &holder.name),
            current,
            "/control-panel",
        ),
        objective_id: id,
        objective: objective.name,
        team_id: team,
        team: holder.name,
        fields,
        errors,
    };
    html(locale, form_status(&page.errors), &page)
}

/// `GET …/teams/{team_id}/delete`: what taking the objective back does, and the button.
pub async fn confirm_remove(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, TeamId)>,
) -> Result<HttpResponse, AppError> {
    let (id, team) = path.into_inner();
    let TeamPage { objective, team: holder, .. } =
        state.app.run_as(&current.actor, move |cx, actor| team_objectives::page(cx, actor, id, team)).await?;
    let sentence = crate::i18n::lookup(
        current.locale,
        "cp-remove-team-question",
        &[("team", &holder.name), ("objective", &objective.name)],
    );
    let back = format!("{HERE}/{id}");
    let ask = Ask {
        heading: "cp-remove-team-title",
        confirm: "cp-remove",
        back: &back,
        back_label: "cp-objectives-title",
        menu: "/control-panel",
    };
    confirmation::page(&current, ask, vec![sentence], &format!("{back}/teams/{team}/delete"), Vec::new())
}

pub async fn remove(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, TeamId)>,
) -> Result<HttpResponse, AppError> {
    let (id, team) = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| team_objectives::unassign(cx, actor, id, team)).await?;
    Ok(changed(&current, &format!("{HERE}/{id}#teams"), "cp-team-removed"))
}
