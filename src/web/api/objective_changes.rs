//! Changing objectives over the API: create, change, archive and restore, holders and
//! teams with their own targets. Each answers with the objective as `GET` reads it.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Data, Path};
use actix_web::{HttpRequest, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;

use super::auth::ApiClient;
use super::models::{self, PeriodName};
use super::objectives::whole;
use super::problem::{Problem, Refusals};
use super::{answer, body, json};
use crate::app::api::objectives::{self as use_case, Holders, ObjectiveInput as Input, Shown, TargetInput};
use crate::domain::ids::{ActionId, ObjectiveId, OutcomeId, PipelineId, TeamId, UserId};
use crate::domain::objective::{Context, ObjectiveKind, SalesMetric};
use crate::web::AppState;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    Activity,
    Sales,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MetricName {
    Revenue,
    WonCount,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContextName {
    Prospects,
    Leads,
    Both,
}

/// A target to set: money as a decimal string in the account's currency (`"1500.00"`), a
/// count as digits (`"20"`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetSent {
    pub period: PeriodName,
    pub value: String,
}

/// An objective to create, or (`PATCH`) what to change of one: what is left out stays as
/// it is; `null` clears the pipeline (all pipelines) or a date.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveInput {
    #[schema(max_length = 120)]
    pub name: Option<String>,
    /// Needed to create one.
    pub kind: Option<KindName>,
    /// Sales objectives.
    pub metric: Option<MetricName>,
    /// Activity objectives: the action counted, and which of its results.
    pub action_id: Option<i64>,
    pub result_ids: Option<Vec<i64>>,
    /// Every result of the action, those added later included.
    pub whole_action: Option<bool>,
    pub context: Option<ContextName>,
    /// One pipeline only; `null`: all of them.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>)]
    pub pipeline_id: Option<Option<i64>>,
    /// One or two, of different periods; a change applies from the start of the current
    /// period, closed periods keep theirs.
    #[schema(max_items = 2)]
    pub targets: Option<Vec<TargetSent>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<NaiveDate>)]
    pub starts_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<NaiveDate>)]
    pub ends_on: Option<Option<NaiveDate>>,
}

/// Who to give an objective to: `user_ids`, or a `team_id` (its active reps; its managers
/// too with `include_managers`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HoldersSent {
    #[schema(min_items = 1)]
    pub user_ids: Option<Vec<i64>>,
    pub team_id: Option<i64>,
    pub include_managers: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetsSent {
    pub targets: Vec<TargetSent>,
}

/// A team to give an objective to, with the team's target for each of its periods.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamSent {
    pub team_id: i64,
    pub targets: Vec<TargetSent>,
}

/// A member sent, even as `null`: `Some(None)` clears, absent keeps.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

fn targets(sent: Vec<TargetSent>) -> Vec<TargetInput> {
    sent.into_iter().map(|t| TargetInput { period: t.period.into(), value: t.value }).collect()
}

fn input(sent: ObjectiveInput) -> Input {
    Input {
        name: sent.name,
        kind: sent.kind.map(|k| match k {
            KindName::Activity => ObjectiveKind::Activity,
            KindName::Sales => ObjectiveKind::Sales,
        }),
        metric: sent.metric.map(|m| match m {
            MetricName::Revenue => SalesMetric::Revenue,
            MetricName::WonCount => SalesMetric::WonCount,
        }),
        action_id: sent.action_id.map(ActionId),
        result_ids: sent.result_ids.map(|ids| ids.into_iter().map(OutcomeId).collect()),
        whole_action: sent.whole_action,
        context: sent.context.map(|c| match c {
            ContextName::Prospects => Context::Prospects,
            ContextName::Leads => Context::Leads,
            ContextName::Both => Context::Both,
        }),
        pipeline_id: sent.pipeline_id.map(|p| p.map(PipelineId)),
        targets: sent.targets.map(targets),
        starts_on: sent.starts_on,
        ends_on: sent.ends_on,
    }
}

/// Who a holders request names; both or neither is refused.
fn holders(locale: crate::domain::account::Locale, sent: HoldersSent) -> Result<Holders, Problem> {
    match (sent.user_ids, sent.team_id) {
        (Some(users), None) => Ok(Holders::Users(users.into_iter().map(UserId).collect())),
        (None, Some(team)) => {
            Ok(Holders::Team { team: TeamId(team), include_managers: sent.include_managers.unwrap_or(false) })
        }
        _ => {
            let errors = crate::domain::form::FieldErrors::single("user_ids", "api-holders-one-of");
            Err(Problem::invalid(locale, &errors, None))
        }
    }
}

/// Create an objective
///
/// Its targets apply from the start; give it to people with `POST /objectives/{id}/holders`.
#[utoipa::path(post, path = "/api/v1/objectives", tag = "Objectives", request_body = ObjectiveInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses((status = 201, description = "Created", body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn create(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let sent = input(body(locale, &bytes)?);
    let account = api.client.actor.account.clone();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::create(cx, client, &sent, keyed, |shown: &Shown| answer(StatusCode::CREATED, &whole(&account, shown)))
    })
    .await
}

/// Change an objective
///
/// What is left out stays as it is. Counting other activities recounts its figures; a
/// target changed applies from the start of the current period.
#[utoipa::path(patch, path = "/api/v1/objectives/{id}", tag = "Objectives", request_body = ObjectiveInput,
    params(("id" = i64, Path)),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn update(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let id = ObjectiveId(path.into_inner());
    let sent = input(body(api.locale, &bytes)?);
    let account = api.client.actor.account.clone();
    let shown = api.run(&state, move |cx, client| use_case::update(cx, client, id, &sent)).await?;
    json(StatusCode::OK, &whole(&account, &shown))
}

/// Archive an objective
///
/// Objectives are never destroyed: archived, it leaves the statistics and the lists of
/// running objectives, its history kept; `POST /objectives/{id}/restore` brings it back.
#[utoipa::path(post, path = "/api/v1/objectives/{id}/archive", tag = "Objectives", params(("id" = i64, Path)),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn archive(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    archived(state, api, path, true).await
}

/// Restore an archived objective
#[utoipa::path(post, path = "/api/v1/objectives/{id}/restore", tag = "Objectives", params(("id" = i64, Path)),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn restore(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    archived(state, api, path, false).await
}

async fn archived(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<i64>,
    archived: bool,
) -> Result<HttpResponse, Problem> {
    let id = ObjectiveId(path.into_inner());
    let account = api.client.actor.account.clone();
    let shown = api.run(&state, move |cx, client| use_case::set_archived(cx, client, id, archived)).await?;
    json(StatusCode::OK, &whole(&account, &shown))
}

/// Give an objective to people or a team's reps
///
/// Someone who holds it already refuses the request (`user_ids`); of a team, those who
/// hold it keep their assignment.
#[utoipa::path(post, path = "/api/v1/objectives/{id}/holders", tag = "Objectives", request_body = HoldersSent,
    params(("id" = i64, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn assign(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = ObjectiveId(path.into_inner());
    let holders = holders(locale, body(locale, &bytes)?)?;
    let account = api.client.actor.account.clone();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::assign(cx, client, id, &holders, keyed, |shown: &Shown| {
            answer(StatusCode::OK, &whole(&account, shown))
        })
    })
    .await
}

/// Take an objective from a holder
///
/// With their own targets; what they did stays theirs.
#[utoipa::path(delete, path = "/api/v1/objectives/{id}/holders/{user_id}", tag = "Objectives",
    params(("id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 204, description = "Taken away"), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn unassign(state: Data<AppState>, api: ApiClient, path: Path<(i64, i64)>) -> Result<HttpResponse, Problem> {
    let (id, user) = path.into_inner();
    api.run(&state, move |cx, client| use_case::unassign(cx, client, ObjectiveId(id), UserId(user))).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Set a holder's own targets
///
/// The targets sent are theirs from the start of each current period; the objective's
/// periods left out go back to the objective's target.
#[utoipa::path(put, path = "/api/v1/objectives/{id}/holders/{user_id}/targets", tag = "Objectives",
    request_body = TargetsSent, params(("id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn holder_targets(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<(i64, i64)>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let (id, user) = path.into_inner();
    let sent = targets(body::<TargetsSent>(api.locale, &bytes)?.targets);
    let account = api.client.actor.account.clone();
    let shown = api
        .run(&state, move |cx, client| use_case::set_holder_targets(cx, client, ObjectiveId(id), UserId(user), &sent))
        .await?;
    json(StatusCode::OK, &whole(&account, &shown))
}

/// Give an objective to a team
///
/// The team holds it against its own targets, one for each of the objective's periods:
/// its figure is its members' work while they are members.
#[utoipa::path(post, path = "/api/v1/objectives/{id}/teams", tag = "Objectives", request_body = TeamSent,
    params(("id" = i64, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn assign_team(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = ObjectiveId(path.into_inner());
    let sent: TeamSent = body(locale, &bytes)?;
    let (team, sent) = (TeamId(sent.team_id), targets(sent.targets));
    let account = api.client.actor.account.clone();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::assign_team(cx, client, id, team, &sent, keyed, |shown: &Shown| {
            answer(StatusCode::OK, &whole(&account, shown))
        })
    })
    .await
}

/// Change a team's targets
///
/// From the start of each current period; closed periods keep theirs.
#[utoipa::path(put, path = "/api/v1/objectives/{id}/teams/{team_id}/targets", tag = "Objectives",
    request_body = TargetsSent, params(("id" = i64, Path), ("team_id" = i64, Path)),
    responses((status = 200, body = models::Objective), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn team_targets(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<(i64, i64)>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let (id, team) = path.into_inner();
    let sent = targets(body::<TargetsSent>(api.locale, &bytes)?.targets);
    let account = api.client.actor.account.clone();
    let shown = api
        .run(&state, move |cx, client| use_case::set_team_targets(cx, client, ObjectiveId(id), TeamId(team), &sent))
        .await?;
    json(StatusCode::OK, &whole(&account, &shown))
}

/// Take an objective from a team
#[utoipa::path(delete, path = "/api/v1/objectives/{id}/teams/{team_id}", tag = "Objectives",
    params(("id" = i64, Path), ("team_id" = i64, Path)),
    responses((status = 204, description = "Taken away"), Refusals),
    security(("token" = ["objectives:write"])))]
pub async fn unassign_team(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, Problem> {
    let (id, team) = path.into_inner();
    api.run(&state, move |cx, client| use_case::unassign_team(cx, client, ObjectiveId(id), TeamId(team))).await?;
    Ok(HttpResponse::NoContent().finish())
}
