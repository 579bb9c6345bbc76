//! `/api/v1/objectives`: what each objective counts, its targets in force, its holders.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Query};

use super::auth::ApiClient;
use super::json;
use super::models::{self, ObjectiveHolder, ObjectiveList, ObjectiveQuery, ObjectiveState, ObjectiveTeam, Target};
use super::problem::{Problem, Refusals};
use crate::app::Account;
use crate::app::api::objectives::{self as use_case, Shown};
use crate::app::objectives::pages::{Objective, Shelf};
use crate::domain::ids::{ObjectiveId, OutcomeId};
use crate::domain::objective::Measure;
use crate::domain::period::PeriodKind;
use crate::web::AppState;

fn is_money(objective: &Objective) -> bool {
    objective.measure() == Measure::Money
}

fn targets(money: bool, targets: &[(PeriodKind, i64)]) -> Vec<Target> {
    targets.iter().map(|(p, v)| Target { period: p.as_str().to_owned(), value: models::figure(money, *v) }).collect()
}

fn objective(
    account: &Account,
    row: &Objective,
    outcomes: &[OutcomeId],
    now: &[(PeriodKind, i64)],
) -> models::Objective {
    let money = is_money(row);
    models::Objective {
        id: row.id.0,
        name: row.name.clone(),
        kind: row.kind.as_str().to_owned(),
        metric: row.metric.map(|m| m.as_str().to_owned()),
        action_id: row.action_id.map(|id| id.0),
        result_ids: outcomes.iter().map(|id| id.0).collect(),
        whole_action: row.whole_action,
        context: row.context.map(|c| c.as_str().to_owned()),
        pipeline_id: row.pipeline_id.map(|id| id.0),
        unit: if money { "money" } else { "count" }.to_owned(),
        currency: money.then(|| account.currency.clone()),
        periods: row.periods().iter().map(|p| p.as_str().to_owned()).collect(),
        targets: targets(money, now),
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        archived: row.archived_at.is_some(),
        created_at: models::instant(account, row.created_at),
        holders: None,
        teams: None,
    }
}

/// List objectives
#[utoipa::path(get, path = "/api/v1/objectives", tag = "Objectives", params(ObjectiveQuery),
    responses((status = 200, body = ObjectiveList), Refusals),
    security(("token" = ["objectives:read"])))]
pub async fn list(
    state: Data<AppState>,
    api: ApiClient,
    query: Query<ObjectiveQuery>,
) -> Result<HttpResponse, Problem> {
    let shelf = match query.state.unwrap_or(ObjectiveState::Running) {
        ObjectiveState::Running => Shelf::Running,
        ObjectiveState::Ended => Shelf::Ended,
        ObjectiveState::Archived => Shelf::Archived,
    };
    let account = api.client.actor.account.clone();
    let listing = api.run(&state, move |cx, client| use_case::list(cx, client, shelf)).await?;
    let items = listing.objectives.iter().map(|s| objective(&account, &s.objective, &s.outcomes, &s.targets)).collect();
    json(StatusCode::OK, &ObjectiveList { items })
}

/// Read an objective, with its holders and teams
#[utoipa::path(get, path = "/api/v1/objectives/{id}", tag = "Objectives", params(("id" = i64, Path)),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:read"])))]
pub async fn show(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = ObjectiveId(path.into_inner());
    let account = api.client.actor.account.clone();
    let shown = api.run(&state, move |cx, client| use_case::find(cx, client, id)).await?;
    json(StatusCode::OK, &whole(&account, &shown))
}

/// An objective read alone: with its holders and teams.
pub fn whole(account: &Account, Shown { page, targets: now }: &Shown) -> models::Objective {
    let money = is_money(&page.objective);
    let mut shown = objective(account, &page.objective, &page.outcomes, now);
    shown.holders = Some(
        page.holders
            .iter()
            .map(|h| ObjectiveHolder {
                user_id: h.user_id.0,
                name: h.name.clone(),
                active: h.active,
                own_targets: targets(money, &h.own_targets),
            })
            .collect(),
    );
    shown.teams = Some(
        page.team_holders
            .iter()
            .map(|(team, now)| ObjectiveTeam {
                team_id: team.team_id.0,
                name: team.name.clone(),
                targets: targets(money, now),
            })
            .collect(),
    );
    shown
}
