//! The one-time set-password link an admin gives a new user.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Query};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::layout::Layout;
use super::respond::{html, see_other};
use super::session::TypedSession;
use super::{AppError, AppState, with_conn};
use crate::administration;
use crate::domain::user::NewPassword;

#[derive(Template)]
#[template(path = "set_password.html")]
struct SetPasswordPage {
    layout: Layout,
    token: String,
    error: Option<String>,
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
    state: Data<AppState>,
    session: TypedSession,
    query: Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let typed = token.clone();
    let valid =
        with_conn(&state.pool, move |conn| Ok(administration::link_is_valid(conn, &typed, Utc::now())?)).await?;
    if !valid {
        return Err(AppError::Refused(
            "This link has expired or was already used: ask an admin of your account for a new one.".into(),
        ));
    }
    let page = SetPasswordPage {
        layout: Layout::anonymous("Set your password", Some(session.csrf_token())),
        token,
        error: None,
    };
    html(StatusCode::OK, &page)
}

pub async fn post(
    state: Data<AppState>,
    session: TypedSession,
    form: Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let PasswordForm { token, password } = form.into_inner();
    let password = match NewPassword::parse(&password) {
        Ok(password) => password,
        Err(invalid) => {
            let page = SetPasswordPage {
                layout: Layout::anonymous("Set your password", Some(session.csrf_token())),
                token,
                error: Some(invalid.0),
            };
            return html(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let hash = state.passwords.hash(&password)?;
    let done =
        with_conn(&state.pool, move |conn| Ok(administration::use_link(conn, &token, &hash, Utc::now()))).await?;
    done.map_err(|_| {
        AppError::Refused(
            "This link has expired or was already used: ask an admin of your account for a new one.".into(),
        )
    })?;
    Ok(see_other("/login"))
}
