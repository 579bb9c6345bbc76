//! Sign-in and sign-out.

use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::client::client_of;
use super::i18n::{language_cookie, visitor_locale};
use super::layout::Layout;
use super::respond::{html, see_other};
use super::session::TypedSession;
use super::{AppError, AppState};
use crate::app::sign_in::{self, Credentials, SignIn, Started};
use crate::domain::account::Locale;
use crate::domain::ids::UserId;
use crate::domain::local_path::parse_local_path;
use crate::domain::message::Message;
use crate::domain::throttle;
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
    if session.token().is_some() {
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

/// How long a sign-in waits for its share of password hashing before it is told to retry.
pub const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

pub async fn submit(
    req: HttpRequest,
    state: Data<AppState>,
    session: TypedSession,
    form: Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let LoginForm { email, password, next } = form.into_inner();
    // A burst of attempts queues here for a few seconds at most: past that, it is told the
    // server is busy rather than taking every core and blocking thread.
    let _permit = tokio::time::timeout(HASHING_WAIT, state.anonymous_hashing.acquire())
        .await
        .map_err(|_| AppError::Busy)?
        .map_err(|_| AppError::Busy)?;
    let (typed_email, client, policy) = (email.clone(), client_of(&req, &state), state.sessions);
    let signed = state
        .app
        .run(move |cx| {
            let credentials = Credentials { email: &typed_email, password: &password, client };
            sign_in::sign_in(cx, &credentials, &policy)
        })
        .await?;
    let (status, message) = match signed {
        SignIn::Started(started) => return signed_in(&req, &session, started, &next),
        SignIn::Choose(ids) => {
            session.offer_choice(&ids).map_err(|e| AppError::Internal(e.into()))?;
            let query = serde_urlencoded::to_string([("next", next.as_str())]).unwrap_or_default();
            return Ok(see_other(&format!("/login/account?{query}")));
        }
        SignIn::Refused => (StatusCode::UNAUTHORIZED, Message::new("login-refused")),
        SignIn::Throttled(wait) => (
            StatusCode::TOO_MANY_REQUESTS,
            Message::new("login-throttled").arg("minutes", throttle::minutes_to_wait(wait)),
        ),
    };
    render(&session, visitor_locale(&req), email, next, Some(message), status)
}

/// The session begun: the cookie carries it, and the person goes where they were going.
fn signed_in(
    req: &HttpRequest,
    session: &TypedSession,
    started: Started,
    next: &str,
) -> Result<HttpResponse, AppError> {
    session.sign_in(&started.token).map_err(|e| AppError::Internal(e.into()))?;
    // A rep's home is their own progress, in an edition that has it.
    let home = if started.user.role().manages() || !started.sales_objectives { "/" } else { "/me/objectives" };
    let mut response = see_other(parse_local_path(next).unwrap_or(home));
    // Pages shown before the user is known (an expired form, the sign-in page after
    // signing out) speak the user's language too.
    response.add_cookie(&language_cookie(req, started.locale)).map_err(|e| AppError::Internal(e.into()))?;
    Ok(response)
}

#[derive(Template)]
#[template(path = "login_account.html")]
struct ChoosePage {
    layout: Layout,
    /// (user id, account name) per account the password was right for.
    choices: Vec<(UserId, String)>,
    next: String,
}

/// The accounts a person whose e-mail and password are right in several may sign in to.
pub async fn choose(
    req: HttpRequest,
    state: Data<AppState>,
    session: TypedSession,
    query: Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let offered = session.choice().ok_or(AppError::NotFound)?;
    let choices = state.app.run(move |cx| sign_in::choices(cx, &offered)).await?;
    let locale = visitor_locale(&req);
    let layout = Layout::anonymous("login-choose-title", locale, Some(session.csrf_token()));
    html(locale, StatusCode::OK, &ChoosePage { layout, choices, next: query.into_inner().next })
}

#[derive(Deserialize)]
pub struct ChoiceForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    next: String,
}

/// Signs in to the account chosen among those offered.
pub async fn chosen(
    req: HttpRequest,
    state: Data<AppState>,
    session: TypedSession,
    form: Form<ChoiceForm>,
) -> Result<HttpResponse, AppError> {
    let offered = session.choice().ok_or(AppError::NotFound)?;
    let user = form.user_id.trim().parse::<i64>().map(UserId).map_err(|_| AppError::NotFound)?;
    if !offered.contains(&user) {
        return Err(AppError::NotFound);
    }
    let policy = state.sessions;
    let started = state.app.run(move |cx| sign_in::start_session(cx, user, &policy)).await?;
    signed_in(&req, &session, started, &form.next)
}

pub async fn logout(state: Data<AppState>, session: TypedSession) -> Result<HttpResponse, AppError> {
    if let Some(token) = session.token() {
        state.app.run(move |cx| sign_in::end_session(cx, &token)).await?;
    }
    session.sign_out();
    Ok(see_other("/login"))
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
