//! Users: who works in the account, their role and licence; create, change role,
//! deactivate, reactivate, transfer a licence.

use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::administration::{self, NewUserForm};
use crate::domain::ids::UserId;
use crate::domain::role::Role;
use crate::store::{teams, users};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::Refused;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState, with_conn};

const HERE: &str = "/admin/users";

pub struct UserLine {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub teams: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<UserLine>,
    roles: &'static [Role],
    form: NewUserForm,
    /// The licence transfer as typed, kept when it is refused (never its password).
    transfer: TransferForm,
    /// The refusal of the last change (in the reader's language), or the one-time link just created.
    error: Option<Refused>,
    link: Option<String>,
    in_use: usize,
    licences: i32,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct TransferForm {
    from: String,
    /// An inactive user's id, or empty to create the user described by the other fields.
    to: String,
    name: String,
    email: String,
    role: String,
    password: String,
    link: String,
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    render(
        &state,
        &current,
        NewUserForm { role: "rep".into(), ..NewUserForm::default() },
        TransferForm::default(),
        None,
        None,
    )
    .await
}

pub async fn create(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<NewUserForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let (account, actor, passwords, typed) =
        (current.account.clone(), current.user.clone(), state.passwords.clone(), form.clone());
    let done = with_conn(&state.pool, move |conn| {
        Ok(administration::check_new_user(&passwords, &typed)
            .and_then(|checked| administration::create_user(conn, &account, &actor, &checked, Utc::now())))
    })
    .await?;
    match done {
        Ok(created) => match created.link_token {
            // The link is shown once, now; only its hash is kept.
            Some(token) => {
                render(&state, &current, NewUserForm::default(), TransferForm::default(), None, Some(link_url(&token)))
                    .await
            }
            None => Ok(changed(&current, HERE, "admin-users-created")),
        },
        Err(error) => {
            render(&state, &current, form, TransferForm::default(), Some(Refused::of(current.locale, error)?), None)
                .await
        }
    }
}

/// `POST /admin/users/{id}/{op}`: role, deactivate, activate, end-sessions.
pub async fn change(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<(i64, String)>,
    form: Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let (id, op) = path.into_inner();
    let (id, account, actor, role) =
        (UserId(id), current.account.clone(), current.user.clone(), form.into_inner().role);
    let done = with_conn(&state.pool, move |conn| {
        let now = Utc::now();
        Ok(match op.as_str() {
            "role" => administration::change_role(conn, &account, &actor, id, &role, now),
            "deactivate" => administration::set_active(conn, &account, &actor, id, false, now),
            "activate" => administration::set_active(conn, &account, &actor, id, true, now),
            "end-sessions" => administration::end_sessions(conn, &account, &actor, id, now).map(drop),
            _ => Err(crate::change::ChangeError::NotFound),
        })
    })
    .await?;
    match done {
        Ok(()) => Ok(changed(&current, HERE, "admin-users-saved")),
        Err(error) => {
            let message = Refused::of(current.locale, error)?;
            render(&state, &current, NewUserForm::default(), TransferForm::default(), Some(message), None).await
        }
    }
}

pub async fn transfer(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<TransferForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let typed = form.clone();
    let (account, actor, passwords) = (current.account.clone(), current.user.clone(), state.passwords.clone());
    let done = with_conn(&state.pool, move |conn| {
        let now = Utc::now();
        let Ok(from) = form.from.trim().parse::<i64>() else {
            return Ok(Err(crate::change::invalid("from", "admin-users-choose-from")));
        };
        Ok(match form.to.trim() {
            "" => {
                let new = NewUserForm {
                    name: form.name,
                    email: form.email,
                    role: form.role,
                    password: form.password,
                    link: form.link,
                };
                administration::check_new_user(&passwords, &new).and_then(|checked| {
                    administration::transfer_licence(conn, &account, &actor, UserId(from), Err(&checked), now)
                })
            }
            to => match to.parse::<i64>() {
                Ok(to) => administration::transfer_licence(conn, &account, &actor, UserId(from), Ok(UserId(to)), now),
                Err(_) => Err(crate::change::invalid("to", "admin-users-choose-to")),
            },
        })
    })
    .await?;
    match done {
        Ok(Some(created)) if created.link_token.is_some() => {
            let link = created.link_token.as_deref().map(link_url);
            render(&state, &current, NewUserForm::default(), TransferForm::default(), None, link).await
        }
        Ok(_) => Ok(changed(&current, HERE, "admin-users-transferred")),
        Err(error) => {
            let message = Refused::of(current.locale, error)?;
            render(&state, &current, NewUserForm::default(), typed, Some(message), None).await
        }
    }
}

fn link_url(token: &str) -> String {
    format!("/set-password?token={token}")
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    form: NewUserForm,
    transfer: TransferForm,
    error: Option<Refused>,
    link: Option<String>,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let (rows, teams) =
        with_conn(&state.pool, move |conn| Ok((users::list(conn, account)?, teams::list_with_members(conn, account)?)))
            .await?;
    let users: Vec<UserLine> = rows
        .into_iter()
        .map(|user| {
            let names: Vec<&str> = teams
                .iter()
                .filter(|(_, members)| members.iter().any(|m| m.user_id == user.id))
                .map(|(team, _)| team.name.as_str())
                .collect();
            UserLine {
                id: user.id,
                role: user.role(),
                teams: names.join(", "),
                active: user.active,
                name: user.name,
                email: user.email,
            }
        })
        .collect();
    let status = Refused::status(error.as_ref());
    let page = UsersPage {
        layout: Layout::signed_in("admin-users-title", current, "/admin/licences"),
        in_use: users.iter().filter(|u| u.active).count(),
        licences: current.account.licences,
        users,
        roles: Role::ALL,
        form,
        transfer: TransferForm { password: String::new(), ..transfer },
        error,
        link,
    };
    html(current.locale, status, &page)
}
