//! What the statistics pages say while the account's figures are recomputed in its new
//! time zone: that, and how far it has got, in place of figures that would mix two zones.
//! The page reloads itself until the figures are back.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use askama::Template;

use crate::web::AppError;
use crate::web::current_user::CurrentUser;
use crate::web::layout::Layout;
use crate::web::respond::html;

#[derive(Template)]
#[template(path = "statistics/recomputing.html")]
struct RecomputingPage {
    layout: Layout,
    percent: u8,
}

#[derive(Template)]
#[template(path = "statistics/_recomputing.html")]
struct RecomputingRegion {
    percent: u8,
}

/// The notice, as a whole page or as the region an htmx request swaps (503, retry soon).
pub fn notice(current: &CurrentUser, here: &str, percent: u8, fragment: bool) -> Result<HttpResponse, AppError> {
    let mut response = if fragment {
        let body = RecomputingRegion { percent }.render_with_values(&current.locale)?;
        HttpResponse::build(StatusCode::SERVICE_UNAVAILABLE).content_type("text/html; charset=utf-8").body(body)
    } else {
        let layout = Layout::signed_in("statistics-recomputing-title", current, here);
        html(current.locale, StatusCode::SERVICE_UNAVAILABLE, &RecomputingPage { layout, percent })?
    };
    response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    Ok(response)
}

/// Runs a statistics page, or says the figures are being recomputed.
pub fn or_notice(
    drawn: Result<HttpResponse, AppError>,
    current: &CurrentUser,
    here: &str,
    fragment: bool,
) -> Result<HttpResponse, AppError> {
    match drawn {
        Err(AppError::Recomputing(percent)) => notice(current, here, percent, fragment),
        other => other,
    }
}
