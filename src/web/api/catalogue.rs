//! `/api/v1/users`, `/api/v1/teams`, `/api/v1/pipelines`, `/api/v1/actions`: what other
//! records name.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Query};

use super::auth::ApiClient;
use super::json;
use super::models::{self, ActionList, Paging, PipelineList, TeamList, UserList};
use super::problem::{Problem, Refusals};
use crate::app::api::catalogue;
use crate::domain::ids::UserId;
use crate::web::AppState;

fn user(row: &crate::app::User) -> models::User {
    models::User {
        id: row.id.0,
        name: row.name.clone(),
        email: row.email.clone(),
        role: row.role.as_str().to_owned(),
        active: row.active,
        language: row.locale.map(|l| l.as_str().to_owned()),
    }
}

/// List users
#[utoipa::path(get, path = "/api/v1/users", tag = "Users", params(Paging),
    responses((status = 200, body = UserList), Refusals),
    security(("token" = ["users:read"])))]
pub async fn users(state: Data<AppState>, api: ApiClient, paging: Query<Paging>) -> Result<HttpResponse, Problem> {
    let Paging { after, limit } = paging.into_inner();
    let page = api.run(&state, move |cx, client| catalogue::users(cx, client, after.as_deref(), limit)).await?;
    json(StatusCode::OK, &UserList { items: page.items.iter().map(user).collect(), next: page.next })
}

/// Read a user
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "Users", params(("id" = i64, Path)),
    responses((status = 200, body = models::User), Refusals),
    security(("token" = ["users:read"])))]
pub async fn user_one(state: Data<AppState>, api: ApiClient, path: Path<i64>) -> Result<HttpResponse, Problem> {
    let id = UserId(path.into_inner());
    let found = api.run(&state, move |cx, client| catalogue::user(cx, client, id)).await?;
    json(StatusCode::OK, &user(&found))
}

/// List teams with their members
#[utoipa::path(get, path = "/api/v1/teams", tag = "Users",
    responses((status = 200, body = TeamList), Refusals),
    security(("token" = ["users:read"])))]
pub async fn teams(state: Data<AppState>, api: ApiClient) -> Result<HttpResponse, Problem> {
    let rows = api.run(&state, catalogue::teams).await?;
    let items = rows
        .into_iter()
        .map(|(team, members)| models::Team {
            id: team.id.0,
            name: team.name,
            members: members
                .into_iter()
                .map(|m| models::TeamMember { user_id: m.user_id.0, name: m.name, manager: m.is_manager })
                .collect(),
        })
        .collect();
    json(StatusCode::OK, &TeamList { items })
}

/// List pipelines
#[utoipa::path(get, path = "/api/v1/pipelines", tag = "Sales process",
    responses((status = 200, body = PipelineList), Refusals),
    security(("token" = [])))]
pub async fn pipelines(state: Data<AppState>, api: ApiClient) -> Result<HttpResponse, Problem> {
    let rows = api.run(&state, catalogue::pipelines).await?;
    let items = rows.into_iter().map(|p| models::Pipeline { id: p.id.0, name: p.name }).collect();
    json(StatusCode::OK, &PipelineList { items })
}

/// List actions and their results
#[utoipa::path(get, path = "/api/v1/actions", tag = "Sales process",
    responses((status = 200, body = ActionList), Refusals),
    security(("token" = [])))]
pub async fn actions(state: Data<AppState>, api: ApiClient) -> Result<HttpResponse, Problem> {
    let rows = api.run(&state, catalogue::actions).await?;
    let items = rows
        .into_iter()
        .map(|a| models::Action {
            id: a.action.id.0,
            name: a.action.name,
            active: a.action.active,
            results: a
                .outcomes
                .into_iter()
                .map(|o| models::ActionResult { id: o.id.0, name: o.name, active: o.active })
                .collect(),
        })
        .collect();
    json(StatusCode::OK, &ActionList { items })
}
