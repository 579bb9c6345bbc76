//! The JSON API under `/api/v1`: thin handlers over `app::api`, authenticated by bearer
//! token (no cookie, so no CSRF), refusing with problem details, described by the OpenAPI
//! document they are annotated for (`docs`).

mod activities;
mod auth;
mod catalogue;
mod docs;
mod leads;
mod models;
mod objective_changes;
mod objectives;
mod problem;
mod prospects;
mod results;

use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use auth::RateLimits;
use problem::Problem;

use crate::app::api::idempotency::{Answer, Keyed};
use crate::domain::account::Locale;

/// Where the API lives; the pages' middleware leaves it alone (no session, no CSRF, no
/// HTML error pages).
pub const PREFIX: &str = "/api/";

/// The largest request body read, in bytes.
const BODY_LIMIT: usize = 8 * 1024 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            // A full batch of 5,000 activities is about 1 MiB.
            .app_data(web::PayloadConfig::new(BODY_LIMIT))
            .app_data(
                web::QueryConfig::default().error_handler(|error, req| {
                    Problem::malformed(crate::web::i18n::visitor_locale(req), error).into()
                }),
            )
            .app_data(web::PathConfig::default().error_handler(|_, req| {
                Problem::new(crate::web::i18n::visitor_locale(req), StatusCode::NOT_FOUND, "not_found").into()
            }))
            .route("/openapi.json", web::get().to(docs::openapi))
            .route("/docs", web::get().to(docs::page))
            .route("/users", web::get().to(catalogue::users))
            .route("/users/{id}", web::get().to(catalogue::user_one))
            .route("/teams", web::get().to(catalogue::teams))
            .route("/pipelines", web::get().to(catalogue::pipelines))
            .route("/actions", web::get().to(catalogue::actions))
            .route("/activities", web::get().to(activities::list))
            .route("/activities", web::post().to(activities::create))
            .route("/activities/batch", web::post().to(activities::batch))
            .route("/activities/{id}", web::get().to(activities::show))
            .route("/activities/{id}", web::delete().to(activities::delete))
            .route("/leads", web::get().to(leads::list))
            .route("/leads", web::post().to(leads::create))
            .route("/leads/{id}", web::get().to(leads::show))
            .route("/leads/{id}", web::patch().to(leads::update))
            .route("/leads/{id}", web::delete().to(leads::delete))
            .route("/leads/{id}/win", web::post().to(leads::win))
            .route("/leads/{id}/reopen", web::post().to(leads::reopen))
            .route("/prospects", web::get().to(prospects::list))
            .route("/prospects", web::post().to(prospects::create))
            .route("/prospects/{id}", web::get().to(prospects::show))
            .route("/prospects/{id}", web::patch().to(prospects::update))
            .route("/prospects/{id}", web::delete().to(prospects::delete))
            .route("/prospects/{id}/convert", web::post().to(prospects::convert))
            .route("/objectives", web::get().to(objectives::list))
            .route("/objectives", web::post().to(objective_changes::create))
            .route("/objectives/{id}", web::get().to(objectives::show))
            .route("/objectives/{id}", web::patch().to(objective_changes::update))
            .route("/objectives/{id}/archive", web::post().to(objective_changes::archive))
            .route("/objectives/{id}/restore", web::post().to(objective_changes::restore))
            .route("/objectives/{id}/holders", web::post().to(objective_changes::assign))
            .route("/objectives/{id}/holders/{user_id}", web::delete().to(objective_changes::unassign))
            .route("/objectives/{id}/holders/{user_id}/targets", web::put().to(objective_changes::holder_targets))
            .route("/objectives/{id}/teams", web::post().to(objective_changes::assign_team))
            .route("/objectives/{id}/teams/{team_id}", web::delete().to(objective_changes::unassign_team))
            .route("/objectives/{id}/teams/{team_id}/targets", web::put().to(objective_changes::team_targets))
            .route("/objectives/{id}/results", web::get().to(results::show))
            .route("/objectives/{id}/results/records", web::get().to(results::records))
            .default_service(web::to(no_such_resource)),
    );
}

async fn no_such_resource(req: HttpRequest) -> Problem {
    let locale = crate::web::i18n::visitor_locale(&req);
    Problem::new(locale, StatusCode::NOT_FOUND, "not_found")
}

impl actix_web::Responder for Problem {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        actix_web::ResponseError::error_response(&self)
    }
}

/// `value` as JSON with `status`.
fn json(status: StatusCode, value: &impl Serialize) -> Result<HttpResponse, Problem> {
    let body = serde_json::to_string(value)
        .map_err(|e| Problem::from_app(Locale::En, crate::app::Error::Internal(e.into())))?;
    Ok(HttpResponse::build(status).content_type("application/json").body(body))
}

impl auth::ApiClient {
    /// Runs a write that may carry an `Idempotency-Key` (read from `req`, for this request
    /// as `bytes` has it): `use_case` gets the key and words its answer, which is sent as
    /// kept.
    async fn run_keyed<F>(
        self,
        state: &crate::web::AppState,
        req: &HttpRequest,
        bytes: &Bytes,
        use_case: F,
    ) -> Result<HttpResponse, Problem>
    where
        F: FnOnce(
                &mut crate::app::Cx<'_>,
                &crate::app::api::Client,
                Option<&Keyed>,
            ) -> Result<Answer, crate::app::Error>
            + Send
            + 'static,
    {
        let keyed = keyed(req, self.locale, bytes)?;
        let done = self.run(state, move |cx, client| use_case(cx, client, keyed.as_ref())).await?;
        Ok(answered(done))
    }
}

/// A kept or new answer as sent; a replayed one says so.
fn answered(answer: Answer) -> HttpResponse {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response.content_type("application/json");
    if answer.replayed {
        response.insert_header(("Idempotent-Replayed", "true"));
    }
    response.body(answer.body)
}

/// An answer to keep for an idempotency key.
fn answer(status: StatusCode, value: &impl Serialize) -> Answer {
    Answer::new(status.as_u16(), serde_json::to_string(value).unwrap_or_default())
}

/// A request body read as `T`; anything else is a problem saying where it went wrong. A
/// NUL character (JSON's `\u0000`) is refused whole, as in forms: nothing stores one.
fn body<T: DeserializeOwned>(locale: Locale, bytes: &Bytes) -> Result<T, Problem> {
    if bytes.windows(6).any(|w| w[0] == b'\\' && w[1] == b'u' && w[2..].iter().all(|b| *b == b'0')) {
        return Err(nul_refused(locale, "body"));
    }
    serde_json::from_slice(bytes).map_err(|error| Problem::malformed(locale, error))
}

/// A NUL character in `field`, refused.
pub fn nul_refused(locale: Locale, field: &str) -> Problem {
    let message = crate::domain::message::Message::new("field-with-nul").arg("field", field);
    Problem::malformed(locale, crate::i18n::message(locale, &message))
}

/// The request's `Idempotency-Key`, with what the request is.
fn keyed(req: &HttpRequest, locale: Locale, bytes: &Bytes) -> Result<Option<Keyed>, Problem> {
    let Some(value) = req.headers().get("Idempotency-Key") else { return Ok(None) };
    let invalid = |message| {
        let errors = crate::domain::form::FieldErrors::single("Idempotency-Key", message);
        Problem::invalid(locale, &errors, None)
    };
    let text =
        value.to_str().map_err(|_| invalid(crate::domain::message::Message::new("api-idempotency-key-invalid")))?;
    let key = crate::domain::api::idempotency_key(text).map_err(|crate::domain::Invalid(m)| invalid(m))?;
    let fingerprint = crate::domain::api::fingerprint(req.method().as_str(), req.path(), bytes);
    Ok(Some(Keyed { key, fingerprint }))
}
