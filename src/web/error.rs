//! Errors a handler can end with, what status each answers with, and how a refused change
//! reads (`error_page` draws them).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};

use crate::app;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::message::Message;

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
    /// The account's figures are being recomputed in its new time zone (percent done).
    #[error("figures are being recomputed")]
    Recomputing(u8),
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
pub(super) fn written(locale: Locale, messages: &[Message]) -> String {
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
            AppError::Busy | AppError::Recomputing(_) => StatusCode::SERVICE_UNAVAILABLE,
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
pub(super) const BUSY: &str = "account-busy";

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
            app::Error::InvalidItems(items) => {
                AppError::Refused(items.iter().flat_map(|(_, errors)| errors.messages().cloned()).collect())
            }
            app::Error::BadRequest(message) => AppError::BadRequest(message),
            app::Error::NotFound => AppError::NotFound,
            app::Error::Forbidden | app::Error::ScopeMissing(_) => AppError::Forbidden,
            app::Error::KeyReused => {
                AppError::Refused(vec![crate::domain::message::Message::new("api-idempotency-key-reused")])
            }
            app::Error::EditionRequired => AppError::EditionRequired,
            app::Error::Busy(_) => AppError::Busy,
            app::Error::Recomputing(percent) => AppError::Recomputing(percent),
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
        app::Error::InvalidItems(items) => Ok(items.into_iter().next().map(|(_, errors)| errors).unwrap_or_default()),
        app::Error::Busy(_) => Ok(FieldErrors::single(FieldErrors::FORM, BUSY)),
        app::Error::BadRequest(message) => Err(AppError::BadRequest(message)),
        app::Error::Recomputing(percent) => Err(AppError::Recomputing(percent)),
        app::Error::NotFound => Err(AppError::NotFound),
        app::Error::Forbidden | app::Error::ScopeMissing(_) => Err(AppError::Forbidden),
        app::Error::KeyReused => Ok(FieldErrors::single(FieldErrors::FORM, "api-idempotency-key-reused")),
        app::Error::EditionRequired => Err(AppError::EditionRequired),
        app::Error::Database(e) => Err(AppError::Internal(e.into())),
        app::Error::Internal(e) => Err(AppError::Internal(e)),
    }
}
