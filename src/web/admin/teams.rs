//! Teams (Dream Team): create, rename, delete; members and team managers.

use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use serde::Deserialize;

use crate::app::User;
use crate::app::admin::teams::{self, Member, MemberOp, Team, TeamChange, TeamOp};
use crate::domain::ids::{TeamId, UserId};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::Refused;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

const HERE: &str = "/admin/teams";

#[derive(Template)]
#[template(path = "admin/teams.html")]
struct TeamsPage {
    layout: Layout,
    teams: Vec<(Team, Vec<Member>)>,
    users: Vec<User>,
    error: Option<Refused>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TeamForm {
    name: String,
    user_id: String,
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    render(&state, &current, None).await
}

pub async fn create(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<TeamForm>,
) -> Result<HttpResponse, AppError> {
    let name = form.into_inner().name;
    let done = state.app.run_as(&current.actor, move |cx, actor| teams::create(cx, actor, &name)).await;
    respond(&state, &current, done).await
}

/// `POST /admin/teams/{id}/{op}`: rename, delete, add-member.
pub async fn change(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<(TeamId, TeamOp)>,
    form: Form<TeamForm>,
) -> Result<HttpResponse, AppError> {
    let ((team, op), form) = (path.into_inner(), form.into_inner());
    let done = state
        .app
        .run_as(&current.actor, move |cx, actor| {
            let change = match op {
                TeamOp::Rename => TeamChange::Rename(&form.name),
                TeamOp::Delete => TeamChange::Delete,
                TeamOp::AddMember => TeamChange::AddMember(&form.user_id),
            };
            teams::change(cx, actor, team, change)
        })
        .await;
    respond(&state, &current, done).await
}

/// `POST /admin/teams/{id}/members/{user_id}/{op}`: remove, manager, member.
pub async fn change_member(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<(TeamId, UserId, MemberOp)>,
) -> Result<HttpResponse, AppError> {
    let (team, user, op) = path.into_inner();
    let change = match op {
        MemberOp::Remove => TeamChange::RemoveMember(user),
        MemberOp::Manager => TeamChange::SetManager(user, true),
        MemberOp::Member => TeamChange::SetManager(user, false),
    };
    let done = state.app.run_as(&current.actor, move |cx, actor| teams::change(cx, actor, team, change)).await;
    respond(&state, &current, done).await
}

async fn respond(
    state: &Data<AppState>,
    current: &CurrentUser,
    done: Result<(), crate::app::Error>,
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
    let (teams, users) = state.app.run_as(&current.actor, teams::list).await?;
    let status = Refused::status(error.as_ref());
    let layout = Layout::signed_in("admin-teams-title", current, "/admin/licences");
    html(current.locale, status, &TeamsPage { layout, teams, users, error })
}
