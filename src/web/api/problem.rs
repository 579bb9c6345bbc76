//! Refusals of the JSON API as RFC 9457 problem details (`application/problem+json`): a
//! stable `code` to program against, a title and details in the account's language, and for
//! bad input each field (and batch item) with its message.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::message::Message;
use crate::i18n;

/// One refused field: its name (a JSON member of the request, or a query parameter), the
/// place of its item in a batch, and the message.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    pub message: String,
}

/// A refusal, as RFC 9457 describes it, with a stable `code`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable: `invalid_input`, `malformed_request`, `unauthorized`, `insufficient_scope`,
    /// `forbidden`, `edition_required`, `not_found`, `idempotency_key_reused`, `conflict`,
    /// `rate_limited`, `busy`, `recomputing`, `internal`.
    pub code: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// Seconds to wait before trying again (also sent as `Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u32>,
}

/// The refusals any endpoint may answer, as the OpenAPI document lists them.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // describes responses; they are built as `Problem`s
pub enum Refusals {
    /// No token in force: none sent, unknown, revoked, or its maker no longer an admin.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// The token's scopes do not allow this, or the edition has no sales objectives.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
    /// Nothing here, or nothing this token can see.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(Problem),
    /// Refused input: each field's message; nothing was written.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
    /// Over the token's rate: wait as `Retry-After` says.
    #[response(status = 429, content_type = "application/problem+json")]
    RateLimited(Problem),
    /// Busy with another write, or recomputing: try again as `Retry-After` says.
    #[response(status = 503, content_type = "application/problem+json")]
    Busy(Problem),
}

/// A save over a newer version: read it again.
#[derive(utoipa::IntoResponses)]
#[response(status = 409, content_type = "application/problem+json")]
#[allow(dead_code)] // describes a response; it is built as a `Problem`
pub struct Conflict(Problem);

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): {}", self.status, self.code, self.detail)
    }
}

impl Problem {
    /// A problem of `code`, its title and detail worded in `locale` from the catalogue
    /// (`api-problem-CODE` and `api-problem-CODE-detail`).
    pub fn new(locale: Locale, status: StatusCode, code: &'static str) -> Self {
        Problem::worded(locale, status, code, &[])
    }

    /// `new`, its detail quoting `args`.
    fn worded(locale: Locale, status: StatusCode, code: &'static str, args: &[(&str, &str)]) -> Self {
        let key = format!("api-problem-{}", code.replace('_', "-"));
        Problem {
            kind: kind_of(code),
            title: i18n::lookup(locale, &key, &[]),
            status: status.as_u16(),
            detail: i18n::lookup(locale, &format!("{key}-detail"), args),
            code,
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub fn detail(mut self, detail: String) -> Self {
        self.detail = detail;
        self
    }

    pub fn retry_after(mut self, seconds: u32) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// Bad input: each field's message (`form` is the request as a whole).
    pub fn invalid(locale: Locale, errors: &FieldErrors, item: Option<usize>) -> Self {
        let mut problem = Problem::new(locale, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
        problem.errors = fields(locale, errors, item);
        problem
    }

    /// A request that is not what the API reads (not JSON, a wrong type, an unknown field):
    /// the parser's own words say where.
    pub fn malformed(locale: Locale, what: impl std::fmt::Display) -> Self {
        let problem = Problem::new(locale, StatusCode::UNPROCESSABLE_ENTITY, "malformed_request");
        let detail = format!("{} {what}", problem.detail);
        problem.detail(detail)
    }

    /// Refused in the account's language.
    pub fn from_app(locale: Locale, error: app::Error) -> Self {
        match error {
            app::Error::Invalid(errors)
                if errors
                    .get(FieldErrors::FORM)
                    .is_some_and(|m| m.key() == app::recording::leads::CHANGED_MEANWHILE) =>
            {
                Problem::new(locale, StatusCode::CONFLICT, "conflict")
            }
            app::Error::Invalid(errors) => Problem::invalid(locale, &errors, None),
            app::Error::InvalidItems(items) => {
                let mut problem = Problem::new(locale, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
                for (item, errors) in &items {
                    problem.errors.extend(fields(locale, errors, Some(*item)));
                }
                problem
            }
            app::Error::BadRequest(message) => {
                let mut problem = Problem::new(locale, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
                problem.errors.push(FieldProblem {
                    field: "query".into(),
                    item: None,
                    message: i18n::message(locale, &message),
                });
                problem
            }
            app::Error::NotFound => Problem::new(locale, StatusCode::NOT_FOUND, "not_found"),
            app::Error::Forbidden => Problem::new(locale, StatusCode::FORBIDDEN, "forbidden"),
            app::Error::ScopeMissing(scope) => {
                Problem::worded(locale, StatusCode::FORBIDDEN, "insufficient_scope", &[("scope", scope.as_str())])
            }
            app::Error::KeyReused => Problem::new(locale, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused"),
            app::Error::EditionRequired => Problem::new(locale, StatusCode::FORBIDDEN, "edition_required"),
            app::Error::Busy(_) => Problem::new(locale, StatusCode::SERVICE_UNAVAILABLE, "busy").retry_after(1),
            app::Error::Recomputing(_) => {
                Problem::new(locale, StatusCode::SERVICE_UNAVAILABLE, "recomputing").retry_after(5)
            }
            app::Error::Database(error) => {
                tracing::error!(%error, "an API request failed");
                Problem::new(locale, StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
            app::Error::Internal(error) => {
                tracing::error!(%error, "an API request failed");
                Problem::new(locale, StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        }
    }
}

/// The URI of a problem's kind: one per code.
fn kind_of(code: &str) -> &'static str {
    macro_rules! kinds {
        ($($code:literal),+) => {
            match code {
                $($code => concat!("urn:sales-objectives:problem:", $code),)+
                _ => "about:blank",
            }
        };
    }
    kinds!(
        "invalid_input",
        "malformed_request",
        "unauthorized",
        "insufficient_scope",
        "forbidden",
        "edition_required",
        "not_found",
        "idempotency_key_reused",
        "conflict",
        "rate_limited",
        "busy",
        "recomputing",
        "internal"
    )
}

fn fields(locale: Locale, errors: &FieldErrors, item: Option<usize>) -> Vec<FieldProblem> {
    errors
        .iter()
        .map(|(field, message): (&str, &Message)| FieldProblem {
            field: field.to_owned(),
            item,
            message: i18n::message(locale, message),
        })
        .collect()
}

impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.status == 401 {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.body(serde_json::to_string(self).unwrap_or_default())
    }
}
