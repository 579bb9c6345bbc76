//! Small response builders shared by the handlers.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use askama::Template;

use super::AppError;
use super::current_user::CurrentUser;
use crate::domain::account::Locale;
use crate::domain::message::Message;

/// A page rendered in the reader's language, with `status`.
pub fn html(locale: Locale, status: StatusCode, page: &impl Template) -> Result<HttpResponse, AppError> {
    Ok(html_body(locale, status, page.render_with_values(&locale)?))
}

/// HTML already rendered in `locale`.
pub fn html_body(locale: Locale, status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .body(body)
}

/// A redirect after a form post (303, so the browser follows with GET).
/// A CSV file to download as `filename`, from what `writer` wrote.
pub fn csv_file(filename: &str, writer: csv::Writer<Vec<u8>>) -> Result<HttpResponse, AppError> {
    let body = writer.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")))
        .body(body))
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

/// The whole page, or only its fragment when htmx asked for it.
pub fn page_or_fragment(
    locale: Locale,
    htmx: bool,
    status: StatusCode,
    page: &impl Template,
    fragment: &impl Template,
) -> Result<HttpResponse, AppError> {
    if htmx {
        Ok(fragment_body(locale, status, fragment.render_with_values(&locale)?))
    } else {
        html(locale, status, page)
    }
}

/// A fragment for htmx, which also clears the message a refused htmx request left
/// (see `render_errors`).
pub fn fragment_body(locale: Locale, status: StatusCode, mut body: String) -> HttpResponse {
    body.push_str(r#"<div id="htmx-error" hx-swap-oob="innerHTML"></div>"#);
    html_body(locale, status, body)
}

/// A redirect after a successful change, with a word on what was done for the next page.
pub fn changed(current: &CurrentUser, location: &str, message: impl Into<Message>) -> HttpResponse {
    current.session.flash(&crate::i18n::message(current.locale, &message.into()));
    see_other(location)
}
