//! The middleware that turns every error response into a styled page, or a small partial
//! shown in the page's message region for htmx requests.

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use askama::Template;

use super::error::{AppError, BUSY, is_htmx, written};
use super::i18n::visitor_locale;
use super::layout::{Frame, Layout};
use crate::domain::account::Locale;
use crate::domain::message::Message;
use crate::web::i18n::filters;

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
        (Some(AppError::Recomputing(percent)), _) => {
            (Message::new("error-recomputing-title"), Message::new("error-recomputing-message").arg("percent", percent))
        }
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
    // The API answers its own problems, in JSON.
    if response.request().path().starts_with(super::api::PREFIX) {
        return Ok(response);
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
        // The signed-in reader keeps their menu and sign-out (as `CurrentUser` left them in
        // the request, without another database look-up); anyone else gets the bare frame.
        let frame = response.request().extensions().get::<Frame>().cloned();
        let layout = match frame {
            Some(frame) => Layout::framed(title_message, locale, &frame, ""),
            None => Layout::anonymous(title_message, locale, None),
        };
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
