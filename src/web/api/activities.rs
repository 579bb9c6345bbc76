//! `/api/v1/activities`: log one or a batch, list, read, delete.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Data, Path, Query};
use actix_web::{HttpRequest, HttpResponse};

use super::auth::ApiClient;
use super::models::{self, ActivityBatch, ActivityList, ActivityQuery, BatchLogged, NewActivity};
use super::problem::{Problem, Refusals};
use super::{answer, body, json};
use crate::app::Account;
use crate::app::api::activities::{self as use_case, ActivityInput, Logged, Named, Narrowing};
use crate::domain::ids::{ActionId, ActivityId, LeadId, OutcomeId, ProspectId, UserId};
use crate::web::AppState;

pub fn activity(account: &Account, named: &Named) -> models::Activity {
    let a = &named.activity;
    models::Activity {
        id: a.id.0,
        user_id: a.user_id.0,
        action_id: a.action_id.0,
        result_id: a.outcome_id.0,
        lead_id: a.lead_id.map(|id| id.0),
        prospect_id: a.prospect_id.map(|id| id.0),
        pipeline_id: a.pipeline_id.map(|id| id.0),
        occurred_at: models::instant(account, a.occurred_at),
        occurred_on: a.occurred_on,
        note: a.note.clone(),
        created_at: models::instant(account, a.created_at),
        external_id: named.external_id.clone(),
    }
}

fn input(sent: &NewActivity) -> ActivityInput {
    ActivityInput {
        user_id: sent.user_id.map(UserId),
        action_id: sent.action_id.map(ActionId),
        result_id: OutcomeId(sent.result_id),
        lead_id: sent.lead_id.map(LeadId),
        prospect_id: sent.prospect_id.map(ProspectId),
        occurred_at: sent.occurred_at.map(|at| at.to_utc()),
        note: sent.note.clone().unwrap_or_default(),
        external_id: sent.external_id.clone(),
    }
}

/// Log an activity
///
/// Checked as the activity form checks it, for its user. With an `external_id` already
/// known, it corrects that activity (200) instead of adding one (201). With an
/// `Idempotency-Key`, a retry gets the first answer and changes nothing.
#[utoipa::path(post, path = "/api/v1/activities", tag = "Activities", request_body = NewActivity,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses(
        (status = 201, description = "Logged", body = models::Activity),
        (status = 200, description = "The activity of this external id, corrected", body = models::Activity), Refusals),
    security(("token" = ["activities:write"])))]
pub async fn create(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let sent: NewActivity = body(locale, &bytes)?;
    let account = api.client.actor.account.clone();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::create(cx, client, &input(&sent), keyed, |logged: &Logged| {
            let status = if logged.created { StatusCode::CREATED } else { StatusCode::OK };
            answer(status, &activity(&account, &logged.named))
        })
    })
    .await
}

/// Log a batch of activities
///
/// Up to 5,000 activities in one transaction: all are logged, or (any refused) none, and
/// each refused item is named by its place (`item`) in the problem's `errors`.
#[utoipa::path(post, path = "/api/v1/activities/batch", tag = "Activities", request_body = ActivityBatch,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses(
        (status = 201, description = "All logged", body = BatchLogged), Refusals),
    security(("token" = ["activities:write"])))]
pub async fn batch(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let sent: ActivityBatch = body(locale, &bytes)?;
    let account = api.client.actor.account.clone();
    let inputs: Vec<ActivityInput> = sent.activities.iter().map(input).collect();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::batch(cx, client, &inputs, keyed, |logged: &[Logged]| {
            let created = logged.iter().filter(|l| l.created).count();
            let items = logged.iter().map(|l| activity(&account, &l.named)).collect();
            answer(StatusCode::CREATED, &BatchLogged { created, updated: logged.len() - created, items })
        })
    })
    .await
}

/// List activities
///
/// In id order, page by page (`next` is the cursor of the next page), narrowed by the
/// filters given.
#[utoipa::path(get, path = "/api/v1/activities", tag = "Activities", params(ActivityQuery),
    responses((status = 200, body = ActivityList), Refusals),
    security(("token" = ["activities:write"]), ("token" = ["results:read"])))]
pub async fn list(state: Data<AppState>, api: ApiClient, query: Query<ActivityQuery>) -> Result<HttpResponse, Problem> {
    let query = query.into_inner();
    let narrowing = Narrowing {
        user: query.user_id.map(UserId),
        action: query.action_id.map(ActionId),
        outcome: query.result_id.map(OutcomeId),
        lead: query.lead_id.map(LeadId),
        prospect: query.prospect_id.map(ProspectId),
        from: query.occurred_from.map(|at| at.naive_utc()),
        until: query.occurred_before.map(|at| at.naive_utc()),
    };
    let account = api.client.actor.account.clone();
    let page = api
        .run(&state, move |cx, client| use_case::list(cx, client, &narrowing, query.after.as_deref(), query.limit))
        .await?;
    let items = page.items.iter().map(|named| activity(&account, named)).collect();
    json(StatusCode::OK, &ActivityList { items, next: page.next })
}

/// Read an activity
#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "Activities", params(("id" = i64, Path)),
    responses((status = 200, body = models::Activity), Refusals),
    security(("token" = ["activities:write"]), ("token" = ["results:read"])))]
pub async fn show(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = ActivityId(path.into_inner());
    let account = api.client.actor.account.clone();
    let named = api.run(&state, move |cx, client| use_case::find(cx, client, id)).await?;
    json(StatusCode::OK, &activity(&account, &named))
}

/// Delete an activity
///
/// Taken out of every figure at once; a second delete finds nothing (404).
#[utoipa::path(delete, path = "/api/v1/activities/{id}", tag = "Activities", params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), Refusals),
    security(("token" = ["activities:write"])))]
pub async fn delete(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = ActivityId(path.into_inner());
    api.run(&state, move |cx, client| use_case::delete(cx, client, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
