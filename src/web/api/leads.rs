//! `/api/v1/leads`: create (or update by external id), change, win, reopen, delete, list.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Data, Path, Query};
use actix_web::{HttpRequest, HttpResponse};

use super::auth::ApiClient;
use super::models::{self, LeadList, LeadState, Paging, Reopen, Win};
use super::problem::{Conflict, Problem, Refusals};
use super::{answer, body, json};
use crate::app::Account;
use crate::app::api::leads::{self as use_case, LeadInput, Named, Saved, WinInput};
use crate::domain::ids::{LeadId, PipelineId, UserId};
use crate::domain::recording::LeadStatus;
use crate::web::AppState;

fn state(status: LeadStatus) -> LeadState {
    match status {
        LeadStatus::Todo => LeadState::Todo,
        LeadStatus::Standby => LeadState::Standby,
        LeadStatus::Won => LeadState::Won,
        LeadStatus::Lost => LeadState::Lost,
        LeadStatus::Cancelled => LeadState::Cancelled,
    }
}

fn status(state: LeadState) -> LeadStatus {
    match state {
        LeadState::Todo => LeadStatus::Todo,
        LeadState::Standby => LeadStatus::Standby,
        LeadState::Won => LeadStatus::Won,
        LeadState::Lost => LeadStatus::Lost,
        LeadState::Cancelled => LeadStatus::Cancelled,
    }
}

pub fn lead(account: &Account, named: &Named) -> models::Lead {
    let l = &named.lead;
    models::Lead {
        id: l.id.0,
        title: l.title.clone(),
        pipeline_id: l.pipeline_id.0,
        owner_id: l.owner_id.0,
        amount: l.amount_cents.map(|cents| models::figure(true, cents)),
        currency: account.currency.clone(),
        status: state(l.status),
        closed_at: l.closed_at.map(|at| models::instant(account, at)),
        closed_on: l.closed_on,
        won_by_id: l.won_by_id.map(|id| id.0),
        estimated_closing_date: l.estimated_closing_date,
        probability: l.probability,
        version: l.version,
        created_at: models::instant(account, l.created_at),
        external_id: named.external_id.clone(),
    }
}

fn input(sent: models::LeadInput) -> LeadInput {
    LeadInput {
        title: sent.title,
        pipeline_id: sent.pipeline_id.map(PipelineId),
        owner_id: sent.owner_id.map(UserId),
        amount: sent.amount,
        status: sent.status.map(status),
        closed_at: sent.closed_at.map(|at| at.to_utc()),
        estimated_closing_date: sent.estimated_closing_date,
        probability: sent.probability,
        version: sent.version,
        external_id: sent.external_id,
    }
}

/// Create a lead
///
/// With an `external_id` already known, it updates that lead (200) instead (201). A lead
/// created won counts in revenue at once.
#[utoipa::path(post, path = "/api/v1/leads", tag = "Leads", request_body = models::LeadInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses(
        (status = 201, description = "Created", body = models::Lead),
        (status = 200, description = "The lead of this external id, updated", body = models::Lead), Refusals, Conflict),
    security(("token" = ["leads:write"])))]
pub async fn create(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let sent: models::LeadInput = body(locale, &bytes)?;
    let account = api.client.actor.account.clone();
    let sent = input(sent);
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::create(cx, client, &sent, keyed, |saved: &Saved| {
            let status = if saved.created { StatusCode::CREATED } else { StatusCode::OK };
            answer(status, &lead(&account, &saved.named))
        })
    })
    .await
}

/// Change a lead
///
/// What is left out stays as it is. Won, it counts; no longer won, it is taken out.
#[utoipa::path(patch, path = "/api/v1/leads/{id}", tag = "Leads", request_body = models::LeadInput, params(("id" = i64, Path)),
    responses((status = 200, body = models::Lead), Refusals, Conflict),
    security(("token" = ["leads:write"])))]
pub async fn update(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = LeadId(path.into_inner());
    let sent = input(body(locale, &bytes)?);
    let account = api.client.actor.account.clone();
    let named = api.run(&state, move |cx, client| use_case::update(cx, client, id, &sent)).await?;
    json(StatusCode::OK, &lead(&account, &named))
}

/// Mark a lead won
#[utoipa::path(post, path = "/api/v1/leads/{id}/win", tag = "Leads", request_body = Win,
    params(("id" = i64, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses((status = 200, body = models::Lead), Refusals, Conflict),
    security(("token" = ["leads:write"])))]
pub async fn win(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = LeadId(path.into_inner());
    let sent: Win = body(locale, &bytes)?;
    let account = api.client.actor.account.clone();
    let win = WinInput { amount: sent.amount, closed_at: sent.closed_at.map(|at| at.to_utc()), version: sent.version };
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::win(cx, client, id, &win, keyed, |named| answer(StatusCode::OK, &lead(&account, named)))
    })
    .await
}

/// Reopen a lead
///
/// To do again; a won lead's revenue is taken out of the figures.
#[utoipa::path(post, path = "/api/v1/leads/{id}/reopen", tag = "Leads", request_body = Option<Reopen>,
    params(("id" = i64, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses((status = 200, body = models::Lead), Refusals, Conflict),
    security(("token" = ["leads:write"])))]
pub async fn reopen(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = LeadId(path.into_inner());
    let sent: Reopen = if bytes.is_empty() { Reopen::default() } else { body(locale, &bytes)? };
    let account = api.client.actor.account.clone();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::reopen(cx, client, id, sent.version, keyed, |named| answer(StatusCode::OK, &lead(&account, named)))
    })
    .await
}

/// Delete a lead
///
/// With the activities logged on it; a won lead's revenue is taken out of the figures.
#[utoipa::path(delete, path = "/api/v1/leads/{id}", tag = "Leads", params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), Refusals),
    security(("token" = ["leads:write"])))]
pub async fn delete(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = LeadId(path.into_inner());
    api.run(&state, move |cx, client| use_case::delete(cx, client, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// List leads
#[utoipa::path(get, path = "/api/v1/leads", tag = "Leads", params(Paging),
    responses((status = 200, body = LeadList), Refusals),
    security(("token" = ["leads:write"]), ("token" = ["results:read"])))]
pub async fn list(state: Data<AppState>, api: ApiClient, paging: Query<Paging>) -> Result<HttpResponse, Problem> {
    let Paging { after, limit } = paging.into_inner();
    let account = api.client.actor.account.clone();
    let page = api.run(&state, move |cx, client| use_case::list(cx, client, after.as_deref(), limit)).await?;
    json(StatusCode::OK, &LeadList { items: page.items.iter().map(|n| lead(&account, n)).collect(), next: page.next })
}

/// Read a lead
#[utoipa::path(get, path = "/api/v1/leads/{id}", tag = "Leads", params(("id" = i64, Path)),
    responses((status = 200, body = models::Lead), Refusals),
    security(("token" = ["leads:write"]), ("token" = ["results:read"])))]
pub async fn show(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = LeadId(path.into_inner());
    let account = api.client.actor.account.clone();
    let named = api.run(&state, move |cx, client| use_case::find(cx, client, id)).await?;
    json(StatusCode::OK, &lead(&account, &named))
}
