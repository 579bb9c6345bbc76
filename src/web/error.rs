//! Errors a handler can end with, and the middleware that turns every error response into
//! a styled page, or a small partial for htmx requests.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError};
use askama::Template;

use super::i18n::visitor_locale;
use super::layout::Layout;
use crate::app;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::message::Message;
use crate::web::i18n::filters;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("the CSRF token is missing or wrong")]
    CsrfRejected,
    /// The page belongs to a feature of the Dream Team edition.
    #[error("the Dream Team edition is needed")]
    EditionRequired,
    /// A query the page cannot be drawn for (a date out of range, say): its message (400).
    #[error("{}", english(std::slice::from_ref(.0)))]
    BadRequest(Message),
    /// A refusal that has no form to show it in: its messages, on an error page (422),
    /// written in the reader's language when the page is drawn.
    #[error("{}", english(.0))]
    Refused(Vec<Message>),
    /// Another writer (an import, say) kept the lock past our wait: nothing was written.
    #[error("busy")]
    Busy,
    /// Not signed in: go to the sign-in page, then come back to `next`.
    #[error("not signed in")]
    Unauthenticated { next: String, htmx: bool },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A query refused for the reason given (400).
    pub fn bad_request(Invalid(message): Invalid) -> Self {
        AppError::BadRequest(message)
    }

    /// A refusal saying `message`, on an error page (422).
    pub fn refused(message: impl Into<Message>) -> Self {
        AppError::Refused(vec![message.into()])
    }
}

/// Messages in English, for logs.
fn english(messages: &[Message]) -> String {
    written(Locale::En, messages)
}

/// Messages in `locale`, one after the other.
fn written(locale: Locale, messages: &[Message]) -> String {
    messages.iter().map(|m| crate::i18n::message(locale, m)).collect::<Vec<_>>().join(" ")
}

/// The field errors of a refused change as one text in the reader's language, for pages
/// that show a change's refusal above everything rather than beside a field.
pub fn refusal_text(locale: Locale, errors: &FieldErrors) -> String {
    written(locale, &errors.messages().cloned().collect::<Vec<_>>())
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(error.into())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::EditionRequired => StatusCode::PAYMENT_REQUIRED,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Unauthenticated { htmx: false, .. } => StatusCode::SEE_OTHER,
            AppError::Unauthenticated { htmx: true, .. } => StatusCode::OK,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Unauthenticated { next, htmx } => {
                let location = if next == "/" {
                    "/login".to_owned()
                } else {
                    format!("/login?{}", serde_urlencoded::to_string([("next", next)]).unwrap_or_default())
                };
                if *htmx {
                    // A redirect would be followed inside the XHR and the sign-in page
                    // swapped into a fragment: htmx loads HX-Redirect as a whole page.
                    HttpResponse::Ok().insert_header(("HX-Redirect", location)).finish()
                } else {
                    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
                }
            }
            // The body is written by `render_errors`, which knows the request.
            other => HttpResponse::new(other.status_code()),
        }
    }
}

/// What a writer that found the account busy reads.
const BUSY: &str = "account-busy";

/// How long a client told "busy" should wait before trying again, in seconds.
const RETRY_AFTER_SECONDS: &str = "5";

/// What a person reads on an error page: a title and what happened.
fn explain(error: Option<&AppError>, status: StatusCode) -> (Message, Vec<Message>) {
    let (title, message) = match (error, status.as_u16()) {
        (Some(AppError::Refused(messages)), _) => return (Message::new("error-refused-title"), messages.clone()),
        (Some(AppError::BadRequest(message)), _) => {
            return (Message::new("error-bad-request-title"), vec![message.clone()]);
        }
        (Some(AppError::CsrfRejected), _) => (Message::new("error-csrf-title"), Message::new("error-csrf-message")),
        (Some(AppError::EditionRequired), _) => {
            (Message::new("error-edition-title"), Message::new("error-edition-message"))
        }
        (Some(AppError::Busy), _) => (Message::new("error-busy-title"), Message::new(BUSY)),
        (_, 403) => (Message::new("error-forbidden-title"), Message::new("error-forbidden-message")),
        (_, 404) => (Message::new("error-not-found-title"), Message::new("error-not-found-message")),
        (_, 405) => (Message::new("error-method-title"), Message::new("error-method-message")),
        (_, 413) => (Message::new("error-too-large-title"), Message::new("error-too-large-message")),
        (_, 400..=499) => (Message::new("error-bad-request-title"), Message::new("error-bad-request-message")),
        _ => (Message::new("error-internal-title"), Message::new("error-internal-message")),
    };
    (title, vec![message])
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    layout: Layout,
    title: &'a str,
    message: &'a str,
    status: u16,
}

/// A refused htmx request's message, shown in the page's message region.
#[derive(Template)]
#[template(path = "_htmx_error.html")]
struct ErrorPartial<'a> {
    title: &'a str,
    message: &'a str,
}

/// Gives every error response (status 4xx/5xx that did not render a page of its own) a
/// styled page, or a partial when htmx asked. Internal errors are logged, never shown.
pub async fn render_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Inner middleware answer errors as responses (see `require_csrf_token`), so that
    // they reach this point with their request.
    let mut response = next.call(req).await?.map_into_boxed_body();
    let status = response.status();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        // A form shown again because the account was busy says when to retry, too.
        response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static(RETRY_AFTER_SECONDS));
    }
    let Some(error) = response.response().error() else {
        return Ok(response);
    };
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    let app_error = error.as_error::<AppError>();
    if status.is_server_error() {
        tracing::error!(error = %error, path = %response.request().path(), "request failed");
    }
    // The signed-in reader's language when the request got that far, else the visitor's.
    let locale = reader_locale(response.request());
    let (title_message, messages) = explain(app_error, status);
    let (title, message) = (crate::i18n::message(locale, &title_message), written(locale, &messages));
    let (title, message) = (title.as_str(), message.as_str());
    let htmx = is_htmx(response.request());
    let rendered = if htmx {
        ErrorPartial { title, message }.render_with_values(&locale)
    } else {
        // Drawn without a database look-up: the frame, no menu.
        let layout = Layout::anonymous(title_message, locale, None);
        ErrorPage { layout, title, message, status: status.as_u16() }.render_with_values(&locale)
    };
    let body = rendered.unwrap_or_else(|_| message.to_owned());
    let (request, mut http_response) = response.into_parts();
    let headers = http_response.headers_mut();
    if htmx {
        // Shown in the page's message region, leaving the part the request aimed at (a
        // table, a form's field) as it was; htmx swaps error answers (see base.html).
        headers.insert(header::HeaderName::from_static("hx-retarget"), header::HeaderValue::from_static("#htmx-error"));
        headers.insert(header::HeaderName::from_static("hx-reswap"), header::HeaderValue::from_static("innerHTML"));
    }
    headers.insert(header::CONTENT_TYPE, header::HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CONTENT_LANGUAGE, header::HeaderValue::from_static(locale.as_str()));
    let http_response = http_response.set_body(BoxBody::new(body));
    Ok(ServiceResponse::new(request, http_response))
}

/// The language of whoever made the request: the signed-in user's (kept by `CurrentUser`
/// in the request's extensions), else the visitor's.
fn reader_locale(req: &actix_web::HttpRequest) -> Locale {
    let known = req.extensions().get::<Locale>().copied();
    known.unwrap_or_else(|| visitor_locale(req))
}

/// A refused change shown above a page rather than beside a field: its words in the
/// reader's language, and the status the page answers with.
#[derive(Debug, Clone)]
pub struct Refused {
    text: String,
    status: StatusCode,
}

impl Refused {
    /// The refusal of `error`, or the error page for what no page shows (see `refusal`).
    pub fn of(locale: Locale, error: app::Error) -> Result<Self, AppError> {
        let errors = refusal(error)?;
        Ok(Self { text: refusal_text(locale, &errors), status: form_status(&errors) })
    }

    /// The status of a page showing `refused`, if anything was.
    pub fn status(refused: Option<&Refused>) -> StatusCode {
        refused.map_or(StatusCode::OK, |r| r.status)
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The status of a form shown with `errors`: 200 with none, 503 when the account was busy
/// (the values are kept, to send again in a moment), else 422.
pub fn form_status(errors: &FieldErrors) -> StatusCode {
    match errors.get(FieldErrors::FORM) {
        _ if errors.is_empty() => StatusCode::OK,
        Some(message) if message.key() == BUSY => StatusCode::SERVICE_UNAVAILABLE,
        Some(message) if message.key() == crate::app::recording::leads::CHANGED_MEANWHILE => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Whether htmx sent the request (it then wants a fragment, not a page).
pub fn is_htmx(req: &actix_web::HttpRequest) -> bool {
    req.headers().contains_key("HX-Request")
}

/// Whether to answer with a fragment: an htmx request, unless htmx is restoring a page
/// missing from its history cache (the back button), which needs the whole page.
pub fn wants_fragment(req: &actix_web::HttpRequest) -> bool {
    is_htmx(req) && !req.headers().contains_key("HX-History-Restore-Request")
}

impl From<app::Error> for AppError {
    fn from(error: app::Error) -> Self {
        match error {
            app::Error::Invalid(errors) => AppError::Refused(errors.messages().cloned().collect()),
            app::Error::BadRequest(message) => AppError::BadRequest(message),
            app::Error::NotFound => AppError::NotFound,
            app::Error::Forbidden => AppError::Forbidden,
            app::Error::EditionRequired => AppError::EditionRequired,
            app::Error::Busy(_) => AppError::Busy,
            app::Error::Database(e) => AppError::Internal(e.into()),
            app::Error::Internal(e) => AppError::Internal(e),
        }
    }
}

/// A refused change: its field errors, to show in the form again (HTTP 422; a busy account
/// is a form-wide error, 503), or the error page for what is not a form's business (absent
/// records, the database).
pub fn refusal(error: app::Error) -> Result<FieldErrors, AppError> {
    match error {
        app::Error::Invalid(errors) => Ok(errors),
        app::Error::Busy(_) => Ok(FieldErrors::single(FieldErrors::FORM, BUSY)),
        app::Error::BadRequest(message) => Err(AppError::BadRequest(message)),
        app::Error::NotFound => Err(AppError::NotFound),
        app::Error::Forbidden => Err(AppError::Forbidden),
        app::Error::EditionRequired => Err(AppError::EditionRequired),
        app::Error::Database(e) => Err(AppError::Internal(e.into())),
        app::Error::Internal(e) => Err(AppError::Internal(e)),
    }
}
