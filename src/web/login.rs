//! Sign-in and sign-out.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Query};
use actix_web::{HttpRequest, HttpResponse, Responder};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::i18n::{language_cookie, visitor_locale};
use super::layout::Layout;
use super::respond::{html, see_other};
use super::session::TypedSession;
use super::{AppError, AppState, with_conn};
use crate::domain::account::Locale;
use crate::domain::local_path::parse_local_path;
use crate::domain::message::Message;
use crate::domain::throttle;
use crate::sign_in::{self, Attempt};
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    next: String,
    error: Option<Message>,
    /// The languages the page can be read in, and the address that switches to each.
    languages: Vec<(Locale, String)>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
    /// The language chosen with the page's language switch.
    #[serde(default)]
    lang: String,
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

pub async fn form(req: HttpRequest, session: TypedSession, query: Query<NextQuery>) -> Result<HttpResponse, AppError> {
    if session.signed_in().is_some() {
        return Ok(see_other(destination(&query.next)));
    }
    let NextQuery { next, lang } = query.into_inner();
    // A language chosen here is kept for the visitor's next pages; another value is ignored.
    let Ok(chosen) = lang.parse::<Locale>() else {
        return render(&session, visitor_locale(&req), String::new(), next, None, StatusCode::OK);
    };
    let mut response = render(&session, chosen, String::new(), next, None, StatusCode::OK)?;
    response.add_cookie(&language_cookie(&req, chosen)).map_err(|e| AppError::Internal(e.into()))?;
    Ok(response)
}

pub async fn submit(
    req: HttpRequest,
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
        Attempt::SignedIn { user, session_version, role, locale } => {
            session.sign_in(user, session_version).map_err(|e| AppError::Internal(e.into()))?;
            // A rep's home is their own progress.
            let home = if role.manages() { "/" } else { "/me/objectives" };
            let mut response = see_other(parse_local_path(&next).unwrap_or(home));
            // Pages shown before the user is known (an expired form, the sign-in page after
            // signing out) speak the user's language too.
            response.add_cookie(&language_cookie(&req, locale)).map_err(|e| AppError::Internal(e.into()))?;
            return Ok(response);
        }
        Attempt::Refused => (StatusCode::UNAUTHORIZED, Message::new("login-refused")),
        Attempt::Deactivated => (StatusCode::FORBIDDEN, Message::new("login-deactivated")),
        Attempt::Throttled(wait) => (
            StatusCode::TOO_MANY_REQUESTS,
            Message::new("login-throttled").arg("minutes", throttle::minutes_to_wait(wait)),
        ),
    };
    render(&session, visitor_locale(&req), email, next, Some(message), status)
}

pub async fn logout(session: TypedSession) -> impl Responder {
    session.sign_out();
    see_other("/login")
}

fn render(
    session: &TypedSession,
    locale: Locale,
    email: String,
    next: String,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let languages = [Locale::En, Locale::It].into_iter().map(|l| (l, switch_address(l, &next))).collect();
    let layout = Layout::anonymous("login-title", locale, Some(session.csrf_token()));
    let page = LoginPage { layout, email, next, error, languages };
    html(locale, status, &page)
}

/// This page in `locale`, still bound for `next`.
fn switch_address(locale: Locale, next: &str) -> String {
    let mut query = vec![("lang", locale.as_str())];
    if !next.is_empty() {
        query.push(("next", next));
    }
    format!("/login?{}", serde_urlencoded::to_string(query).unwrap_or_default())
}

/// Where to go after signing in: the page asked for, if it is on this site.
fn destination(next: &str) -> &str {
    parse_local_path(next).unwrap_or("/")
}
