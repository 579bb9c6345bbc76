//! Small response builders shared by the handlers.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use askama::Template;

use super::AppError;

/// A rendered page with `status`.
pub fn html(status: StatusCode, page: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(page.render()?))
}

/// A redirect after a form post (303, so the browser follows with GET).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

/// The whole page, or only its fragment when htmx asked for it.
pub fn page_or_fragment(
    htmx: bool,
    status: StatusCode,
    page: &impl Template,
    fragment: &impl Template,
) -> Result<HttpResponse, AppError> {
    if htmx { html(status, fragment) } else { html(status, page) }
}

/// A redirect after a successful change, with a word on what was done for the next page.
pub fn changed(session: &super::session::TypedSession, location: &str, message: &str) -> HttpResponse {
    session.flash(message);
    see_other(location)
}
