//! `/api/v1/prospects`: create (or update by external id), change, delete, turn into a
//! lead, list, read.

use actix_web::http::StatusCode;
use actix_web::web::{Bytes, Data, Path, Query};
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::ApiClient;
use super::models::{self, Paging};
use super::problem::{Problem, Refusals};
use super::{answer, body, json};
use crate::app::Account;
use crate::app::api::prospects::{self as use_case, Named, ProspectInput as Input, Saved};
use crate::domain::ids::{ProspectId, UserId};
use crate::web::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Prospect {
    pub id: i64,
    pub name: String,
    /// Its prospecting list, if any.
    pub list_name: Option<String>,
    pub owner_id: i64,
    /// The lead it became, if it did.
    pub lead_id: Option<i64>,
    pub created_at: DateTime<FixedOffset>,
    pub external_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProspectList {
    pub items: Vec<Prospect>,
    pub next: Option<String>,
}

/// A prospect to create, or (`PATCH`) what to change of one: what is left out stays as it is.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProspectInput {
    /// Needed to create one.
    #[schema(max_length = 120)]
    pub name: Option<String>,
    /// Its prospecting list; an empty one takes it off its list.
    #[schema(max_length = 120)]
    pub list_name: Option<String>,
    /// Left out: the admin who made the token.
    pub owner_id: Option<i64>,
    /// Your own id for it: sent again to `POST /prospects`, it updates the same prospect.
    #[schema(max_length = 200)]
    pub external_id: Option<String>,
}

/// The pipeline a prospect becomes a lead in.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Convert {
    pub pipeline_id: i64,
}

fn prospect(account: &Account, named: &Named) -> Prospect {
    let p = &named.prospect;
    Prospect {
        id: p.id.0,
        name: p.name.clone(),
        list_name: p.list_name.clone(),
        owner_id: p.owner_id.0,
        lead_id: p.lead_id.map(|id| id.0),
        created_at: models::instant(account, p.created_at),
        external_id: named.external_id.clone(),
    }
}

fn input(sent: ProspectInput) -> Input {
    Input {
        name: sent.name,
        list_name: sent.list_name,
        owner_id: sent.owner_id.map(UserId),
        external_id: sent.external_id,
    }
}

/// Create a prospect
///
/// With an `external_id` already known, it updates that prospect (200) instead (201).
#[utoipa::path(post, path = "/api/v1/prospects", tag = "Prospects", request_body = ProspectInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses(
        (status = 201, description = "Created", body = Prospect),
        (status = 200, description = "The prospect of this external id, updated", body = Prospect), Refusals),
    security(("token" = ["leads:write"])))]
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
        use_case::create(cx, client, &sent, keyed, |saved: &Saved| {
            let status = if saved.created { StatusCode::CREATED } else { StatusCode::OK };
            answer(status, &prospect(&account, &saved.named))
        })
    })
    .await
}

/// Change a prospect
///
/// What is left out stays as it is.
#[utoipa::path(patch, path = "/api/v1/prospects/{id}", tag = "Prospects", request_body = ProspectInput,
    params(("id" = i64, Path)),
    responses((status = 200, body = Prospect), Refusals),
    security(("token" = ["leads:write"])))]
pub async fn update(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let id = ProspectId(path.into_inner());
    let sent = input(body(api.locale, &bytes)?);
    let account = api.client.actor.account.clone();
    let named = api.run(&state, move |cx, client| use_case::update(cx, client, id, &sent)).await?;
    json(StatusCode::OK, &prospect(&account, &named))
}

/// Delete a prospect
///
/// With the activities logged on it, taken out of the figures.
#[utoipa::path(delete, path = "/api/v1/prospects/{id}", tag = "Prospects", params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), Refusals),
    security(("token" = ["leads:write"])))]
pub async fn delete(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = ProspectId(path.into_inner());
    api.run(&state, move |cx, client| use_case::delete(cx, client, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Turn a prospect into a lead
///
/// A lead of the pipeline, owned by the prospect's owner; the activities already logged
/// stay on the prospect.
#[utoipa::path(post, path = "/api/v1/prospects/{id}/convert", tag = "Prospects", request_body = Convert,
    params(("id" = i64, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key count once")),
    responses((status = 201, body = models::Lead), Refusals),
    security(("token" = ["leads:write"])))]
pub async fn convert(
    state: Data<AppState>,
    api: ApiClient,
    req: HttpRequest,
    path: Path<i64>,
    bytes: Bytes,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = ProspectId(path.into_inner());
    let sent: Convert = body(locale, &bytes)?;
    let account = api.client.actor.account.clone();
    api.run_keyed(&state, &req, &bytes, move |cx, client, keyed| {
        use_case::convert(cx, client, id, sent.pipeline_id, keyed, |lead| {
            answer(StatusCode::CREATED, &super::leads::lead(&account, lead))
        })
    })
    .await
}

/// List prospects
#[utoipa::path(get, path = "/api/v1/prospects", tag = "Prospects", params(Paging),
    responses((status = 200, body = ProspectList), Refusals),
    security(("token" = ["leads:write"]), ("token" = ["results:read"])))]
pub async fn list(state: Data<AppState>, api: ApiClient, paging: Query<Paging>) -> Result<HttpResponse, Problem> {
    let Paging { after, limit } = paging.into_inner();
    let account = api.client.actor.account.clone();
    let page = api.run(&state, move |cx, client| use_case::list(cx, client, after.as_deref(), limit)).await?;
    let items = page.items.iter().map(|n| prospect(&account, n)).collect();
    json(StatusCode::OK, &ProspectList { items, next: page.next })
}

/// Read a prospect
#[utoipa::path(get, path = "/api/v1/prospects/{id}", tag = "Prospects", params(("id" = i64, Path)),
    responses((status = 200, body = Prospect), Refusals),
    security(("token" = ["leads:write"]), ("token" = ["results:read"])))]
pub async fn show(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = ProspectId(path.into_inner());
    let account = api.client.actor.account.clone();
    let named = api.run(&state, move |cx, client| use_case::find(cx, client, id)).await?;
    json(StatusCode::OK, &prospect(&account, &named))
}
