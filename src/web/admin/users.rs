//! Users: who works in the account, their role and licence; create, change role,
//! deactivate, reactivate, transfer a licence.

use actix_web::web::{Data, Form, Path, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use crate::app::admin::users::{self, NewUserForm, Roster, TransferTo};
use crate::domain::ids::UserId;
use crate::domain::role::Role;
use crate::web::confirmation::{self, Ask};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::Refused;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

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

/// `?role=`: the role the last user was added with, which the next one keeps.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextRole {
    role: String,
}

/// An empty form for the next user, with `role` chosen (a rep unless it names another).
fn next_user(role: &str) -> NewUserForm {
    let role = role.parse::<Role>().unwrap_or(Role::Rep);
    NewUserForm { role: role.as_str().to_owned(), ..NewUserForm::default() }
}

pub async fn get(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    next: Query<NextRole>,
) -> Result<HttpResponse, AppError> {
    render(&state, &current, next_user(&next.role), TransferForm::default(), None, None).await
}

pub async fn create(
    request: HttpRequest,
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<NewUserForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| users::create(cx, actor, &typed)).await {
        Ok(created) => {
            let next = next_user(&form.role);
            match created.link_token {
                // The link is shown once, now; only its hash is kept.
                Some(token) => {
                    render(
                        &state,
                        &current,
                        next,
                        TransferForm::default(),
                        None,
                        Some(link_url(&state, &request, &token)),
                    )
                    .await
                }
                None => Ok(changed(&current, &format!("{HERE}?role={}", next.role), "admin-users-created")),
            }
        }
        Err(error) => {
            render(&state, &current, form, TransferForm::default(), Some(Refused::of(current.locale, error)?), None)
                .await
        }
    }
}

/// A change to one user, as the users page's buttons ask for it.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserOp {
    Role,
    Deactivate,
    Activate,
    EndSessions,
}

/// `POST /admin/users/{id}/{op}`: role, deactivate, activate, end-sessions.
pub async fn change(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<(UserId, UserOp)>,
    form: Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let ((id, op), role) = (path.into_inner(), form.into_inner().role);
    let done = state
        .app
        .run_as(&current.actor, move |cx, actor| match op {
            UserOp::Role => users::change_role(cx, actor, id, &role),
            UserOp::Deactivate => users::set_active(cx, actor, id, false),
            UserOp::Activate => users::set_active(cx, actor, id, true),
            UserOp::EndSessions => users::end_sessions(cx, actor, id).map(drop),
        })
        .await;
    match done {
        Ok(()) => Ok(changed(&current, HERE, "admin-users-saved")),
        Err(error) => {
            let message = Refused::of(current.locale, error)?;
            render(&state, &current, next_user(""), TransferForm::default(), Some(message), None).await
        }
    }
}

pub async fn transfer(
    request: HttpRequest,
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<TransferForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let typed = form.clone();
    let done = state
        .app
        .run_as(&current.actor, move |cx, actor| {
            let Ok(from) = form.from.trim().parse::<i64>() else {
                return Err(crate::app::invalid("from", "admin-users-choose-from"));
            };
            let new = NewUserForm {
                name: form.name,
                email: form.email,
                role: form.role,
                password: form.password,
                link: form.link,
            };
            let to = match form.to.trim() {
                "" => TransferTo::New(&new),
                to => TransferTo::Existing(UserId(
                    to.parse::<i64>().map_err(|_| crate::app::invalid("to", "admin-users-choose-to"))?,
                )),
            };
            users::transfer_licence(cx, actor, UserId(from), to)
        })
        .await;
    match done {
        Ok(Some(created)) if created.link_token.is_some() => {
            let link = created.link_token.as_deref().map(|token| link_url(&state, &request, token));
            render(&state, &current, next_user(""), TransferForm::default(), None, link).await
        }
        Ok(_) => Ok(changed(&current, HERE, "admin-users-transferred")),
        Err(error) => {
            let message = Refused::of(current.locale, error)?;
            render(&state, &current, next_user(""), typed, Some(message), None).await
        }
    }
}

/// The set-password link in full, as the new user will open it: on `BASE_URL`, else on
/// the address the admin's own request came to.
fn link_url(state: &AppState, request: &HttpRequest, token: &str) -> String {
    let origin = match &state.base_url {
        Some(base) => base.clone(),
        None => {
            let info = request.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    };
    format!("{origin}/set-password?token={token}")
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    form: NewUserForm,
    transfer: TransferForm,
    error: Option<Refused>,
    link: Option<String>,
) -> Result<HttpResponse, AppError> {
    let Roster { users, licences } = state.app.run_as(&current.actor, users::roster).await?;
    let users: Vec<UserLine> = users
        .into_iter()
        .map(|line| UserLine {
            id: line.user.id,
            role: line.user.role,
            teams: line.teams.join(", "),
            active: line.user.active,
            name: line.user.name,
            email: line.user.email,
        })
        .collect();
    let status = Refused::status(error.as_ref());
    let page = UsersPage {
        layout: Layout::signed_in("admin-users-title", current, "/admin/licences"),
        in_use: users.iter().filter(|u| u.active).count(),
        licences,
        users,
        roles: Role::ALL,
        form,
        transfer: TransferForm { password: String::new(), ..transfer },
        error,
        link,
    };
    html(current.locale, status, &page)
}

/// `GET /admin/users/{id}/deactivate`: what deactivating the user does, and the button.
pub async fn confirm_deactivate(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (name, held) = state.app.run_as(&current.actor, move |cx, actor| users::deactivation(cx, actor, id)).await?;
    let locale = current.locale;
    let mut sentences = vec![crate::i18n::lookup(locale, "admin-users-deactivate-question", &[("name", &name)])];
    if !held.is_empty() {
        let quoted = |name: &String| crate::i18n::lookup(locale, "quoted-name", &[("name", name)]);
        let list = held.iter().map(quoted).collect::<Vec<_>>().join(", ");
        sentences.push(crate::i18n::lookup(
            locale,
            "admin-users-deactivate-objectives",
            &[("name", &name), ("objectives", &list)],
        ));
    }
    let ask = Ask {
        heading: "admin-users-deactivate-title",
        confirm: "admin-users-deactivate",
        back: HERE,
        back_label: "admin-users-title",
        menu: HERE,
    };
    confirmation::page(&current, ask, sentences, &format!("{HERE}/{id}/deactivate"), Vec::new())
}
