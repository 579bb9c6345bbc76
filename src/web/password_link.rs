//! The one-time set-password link an admin gives a new user.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::i18n::visitor_locale;
use super::layout::Layout;
use super::respond::{html, see_other};
use super::session::TypedSession;
use super::{AppError, AppState};
use crate::app::sign_in;
use crate::domain::message::Message;
use crate::domain::user::NewPassword;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "set_password.html")]
struct SetPasswordPage {
    layout: Layout,
    token: String,
    error: Option<Message>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    token: String,
    password: String,
}

/// The token travels in the query and the form, never in the path: logs record paths.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

pub async fn get(
    req: HttpRequest,
    state: Data<AppState>,
    session: TypedSession,
    query: Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let typed = token.clone();
    let valid = state.app.run(move |cx| sign_in::link_is_valid(cx, &typed)).await?;
    if !valid {
        return Err(AppError::refused("password-link-expired"));
    }
    render(&req, &session, token, None)
}

fn render(
    req: &HttpRequest,
    session: &TypedSession,
    token: String,
    error: Option<Message>,
) -> Result<HttpResponse, AppError> {
    let locale = visitor_locale(req);
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let layout = Layout::anonymous("password-link-title", locale, Some(session.csrf_token()));
    html(locale, status, &SetPasswordPage { layout, token, error })
}

pub async fn post(
    req: HttpRequest,
    state: Data<AppState>,
    session: TypedSession,
    form: Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let PasswordForm { token, password } = form.into_inner();
    // The link is checked before anything is hashed: a forged token costs no hashing.
    let typed = token.clone();
    let valid = state.app.run(move |cx| sign_in::link_is_valid(cx, &typed)).await?;
    if !valid {
        return Err(AppError::refused("password-link-expired"));
    }
    let password = match NewPassword::parse(&password) {
        Ok(password) => password,
        Err(invalid) => return render(&req, &session, token, Some(invalid.0)),
    };
    let _permit = tokio::time::timeout(super::login::HASHING_WAIT, state.anonymous_hashing.acquire())
        .await
        .map_err(|_| AppError::Busy)?
        .map_err(|_| AppError::Busy)?;
    match state.app.run(move |cx| sign_in::use_link(cx, &token, &password)).await {
        Err(crate::app::Error::NotFound) => return Err(AppError::refused("password-link-expired")),
        other => other?,
    }
    Ok(see_other("/login"))
}
