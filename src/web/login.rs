//! Sign-in and sign-out.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Query};
use actix_web::{HttpResponse, Responder};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::layout::Layout;
use super::respond::{html, see_other};
use super::session::TypedSession;
use super::{AppError, AppState, with_conn};
use crate::domain::local_path::parse_local_path;
use crate::domain::throttle;
use crate::sign_in::{self, Attempt};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn form(session: TypedSession, query: Query<NextQuery>) -> Result<HttpResponse, AppError> {
    if session.signed_in().is_some() {
        return Ok(see_other(destination(&query.next)));
    }
    render(&session, String::new(), query.into_inner().next, None, StatusCode::OK)
}

pub async fn submit(
    state: Data<AppState>,
    session: TypedSession,
    form: Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let LoginForm { email, password, next } = form.into_inner();
    let passwords = state.passwords.clone();
    let typed_email = email.clone();
    let attempt = with_conn(&state.pool, move |conn| {
        sign_in::attempt(conn, &passwords, &typed_email, &password, Utc::now().naive_utc()).map_err(AppError::from)
    })
    .await?;
    let (status, message) = match attempt {
        Attempt::SignedIn { user, session_version, role } => {
            session.sign_in(user, session_version).map_err(|e| AppError::Internal(e.into()))?;
            // A rep's home is their own progress.
            let home = if role.manages() { "/" } else { "/me/objectives" };
            return Ok(see_other(parse_local_path(&next).unwrap_or(home)));
        }
        Attempt::Refused => (StatusCode::UNAUTHORIZED, "Wrong e-mail or password.".to_owned()),
        Attempt::Deactivated => (
            StatusCode::FORBIDDEN,
            "This user has been deactivated. Ask an admin of your account to reactivate it.".to_owned(),
        ),
        Attempt::Throttled(wait) => {
            let minutes = throttle::minutes_to_wait(wait);
            let unit = if minutes == 1 { "minute" } else { "minutes" };
            (
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "Too many failed sign-in attempts for this e-mail. For your security, try again in {minutes} {unit}."
                ),
            )
        }
    };
    render(&session, email, next, Some(message), status)
}

pub async fn logout(session: TypedSession) -> impl Responder {
    session.sign_out();
    see_other("/login")
}

fn render(
    session: &TypedSession,
    email: String,
    next: String,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let page = LoginPage { layout: Layout::anonymous("Sign in", Some(session.csrf_token())), email, next, error };
    html(status, &page)
}

/// Where to go after signing in: the page asked for, if it is on this site.
fn destination(next: &str) -> &str {
    parse_local_path(next).unwrap_or("/")
}
