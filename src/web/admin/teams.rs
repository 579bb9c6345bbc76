//! Teams (Dream Team): create, rename, delete; members and team managers.

use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::administration::{self, TeamChange};
use crate::domain::ids::{TeamId, UserId};
use crate::store::teams::{self, Member, TeamRow};
use crate::store::users::{self, UserRow};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::Refused;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState, with_conn};

const HERE: &str = "/admin/teams";

#[derive(Template)]
#[template(path = "admin/teams.html")]
struct TeamsPage {
    layout: Layout,
    teams: Vec<(TeamRow, Vec<Member>)>,
    users: Vec<UserRow>,
    error: Option<Refused>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TeamForm {
    name: String,
    user_id: String,
}

/// Teams are a Dream Team feature: elsewhere the page says which edition is needed.
fn require_teams(current: &CurrentUser) -> Result<(), AppError> {
    if current.account.edition().has_teams() { Ok(()) } else { Err(AppError::EditionRequired) }
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    require_teams(&current)?;
    render(&state, &current, None).await
}

pub async fn create(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<TeamForm>,
) -> Result<HttpResponse, AppError> {
    require_teams(&current)?;
    let (account, name) = (current.account.clone(), form.into_inner().name);
    let done =
        with_conn(&state.pool, move |conn| Ok(administration::create_team(conn, &account, &name, Utc::now()))).await?;
    respond(&state, &current, done).await
}

/// `POST /admin/teams/{id}/{op}`: rename, delete, add-member; and
/// `POST /admin/teams/{id}/members/{user_id}/{op}`: remove, manager, member.
pub async fn change(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<(i64, String)>,
    form: Form<TeamForm>,
) -> Result<HttpResponse, AppError> {
    require_teams(&current)?;
    let (team, op) = path.into_inner();
    let (account, form) = (current.account.clone(), form.into_inner());
    let done = with_conn(&state.pool, move |conn| {
        let change = match op.as_str() {
            "rename" => TeamChange::Rename(&form.name),
            "delete" => TeamChange::Delete,
            "add-member" => TeamChange::AddMember(&form.user_id),
            _ => return Err(AppError::NotFound),
        };
        Ok(administration::change_team(conn, &account, TeamId(team), change))
    })
    .await?;
    respond(&state, &current, done).await
}

pub async fn change_member(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<(i64, i64, String)>,
) -> Result<HttpResponse, AppError> {
    require_teams(&current)?;
    let (team, user, op) = path.into_inner();
    let (team, user, account) = (TeamId(team), UserId(user), current.account.clone());
    let done = with_conn(&state.pool, move |conn| {
        let change = match op.as_str() {
            "remove" => TeamChange::RemoveMember(user),
            "manager" => TeamChange::SetManager(user, true),
            "member" => TeamChange::SetManager(user, false),
            _ => return Err(AppError::NotFound),
        };
        Ok(administration::change_team(conn, &account, team, change))
    })
    .await?;
    respond(&state, &current, done).await
}

async fn respond(
    state: &Data<AppState>,
    current: &CurrentUser,
    done: Result<(), crate::change::ChangeError>,
) -> Result<HttpResponse, AppError> {
    match done {
        Ok(()) => Ok(changed(current, HERE, "admin-teams-saved")),
        Err(error) => render(state, current, Some(Refused::of(current.locale, error)?)).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    error: Option<Refused>,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let (teams, users) = with_conn(&state.pool, move |conn| {
        Ok((teams::list_with_members(conn, account)?, users::list_active(conn, account)?))
    })
    .await?;
    let status = Refused::status(error.as_ref());
    let layout = Layout::signed_in("admin-teams-title", current, "/admin/licences");
    html(current.locale, status, &TeamsPage { layout, teams, users, error })
}
