//! Errors a handler can end with, and the middleware that turns every error response into
//! a styled page, or a small partial for htmx requests.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use super::layout::Layout;
use crate::change::ChangeError;
use crate::domain::form::FieldErrors;

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
    /// A refusal that has no form to show it in: its message, on an error page (422).
    #[error("{0}")]
    Refused(String),
    /// Not signed in: go to the sign-in page, then come back to `next`.
    #[error("not signed in")]
    Unauthenticated { next: String, htmx: bool },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        AppError::Internal(error.into())
    }
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
            AppError::EditionRequired => StatusCode::PAYMENT_REQUIRED,
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

/// What a person reads on an error page.
fn explain(error: Option<&AppError>, status: StatusCode) -> (&'static str, &str) {
    match (error, status.as_u16()) {
        (Some(AppError::Refused(message)), _) => ("This cannot be done", message.as_str()),
        (Some(AppError::CsrfRejected), _) => (
            "This form has expired",
            "For your security the form could not be accepted. Go back, reload the page and try again.",
        ),
        (Some(AppError::EditionRequired), _) => (
            "Sales Objectives need the Dream Team edition",
            "This account's edition does not include Sales Objectives. Nothing has been deleted: once an admin \
             upgrades the account to Dream Team in Edition & licences, every objective and figure is back.",
        ),
        (_, 403) => ("Access denied", "Your role does not give access to this page."),
        (_, 404) => ("Page not found", "There is nothing at this address, or it is not in your account."),
        (_, 405) => ("Not allowed", "This address does not accept that kind of request."),
        (_, 413) => ("Too large", "What you sent is too large."),
        (_, 400..=499) => ("Bad request", "The request could not be understood. Check what you entered and try again."),
        _ => ("Something went wrong", "An unexpected error happened on our side. Please try again in a moment."),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    layout: Layout,
    title: &'a str,
    message: &'a str,
    status: u16,
}

#[derive(Template)]
#[template(path = "_error.html")]
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
    let response = next.call(req).await?.map_into_boxed_body();
    let status = response.status();
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
    let (title, message) = explain(app_error, status);
    let htmx = is_htmx(response.request());
    let rendered = if htmx {
        ErrorPartial { title, message }.render()
    } else {
        // Drawn without a database look-up: the frame, no menu.
        let layout = Layout::anonymous(title, None);
        ErrorPage { layout, title, message, status: status.as_u16() }.render()
    };
    let body = rendered.unwrap_or_else(|_| message.to_owned());
    let (request, mut http_response) = response.into_parts();
    http_response
        .headers_mut()
        .insert(header::CONTENT_TYPE, header::HeaderValue::from_static("text/html; charset=utf-8"));
    let http_response = http_response.set_body(BoxBody::new(body));
    Ok(ServiceResponse::new(request, http_response))
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

impl From<ChangeError> for AppError {
    fn from(error: ChangeError) -> Self {
        match error {
            ChangeError::Invalid(errors) => AppError::Refused(errors.to_string()),
            ChangeError::NotFound => AppError::NotFound,
            ChangeError::Database(e) => e.into(),
            ChangeError::Internal(e) => AppError::Internal(e),
        }
    }
}

/// A refused recording operation: its field errors, to show in the form again (HTTP 422),
/// or the error page for what is not a form's business (absent records, the database).
pub fn refusal(error: ChangeError) -> Result<FieldErrors, AppError> {
    match error {
        ChangeError::Invalid(errors) => Ok(errors),
        ChangeError::NotFound => Err(AppError::NotFound),
        ChangeError::Database(e) => Err(e.into()),
        ChangeError::Internal(e) => Err(AppError::Internal(e)),
    }
}
