//! CSRF protection: a synchronizer token kept in the session must come back with every
//! state-changing request, in the `csrf_token` form field or the `X-CSRF-Token` header
//! (which htmx sends from `hx-headers` on `<body>`), or for a file upload in the query.

use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use subtle::ConstantTimeEq;

use super::AppError;
use super::session::TypedSession;

pub const HEADER: &str = "X-CSRF-Token";
pub const FIELD: &str = "csrf_token";

pub async fn require_csrf_token(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if is_safe(req.method()) {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    }
    let expected = TypedSession::from_session(req.get_session()).stored_csrf_token();
    let presented = match header_token(&req).or_else(|| multipart_token(&req)) {
        Some(token) => Some(token),
        None => match form_token(&mut req).await {
            Ok(token) => token,
            Err(error) => return Ok(req.error_response(error).map_into_right_body()),
        },
    };
    match (expected, presented) {
        (Some(expected), Some(presented)) if bool::from(expected.as_bytes().ct_eq(presented.as_bytes())) => {
            next.call(req).await.map(ServiceResponse::map_into_left_body)
        }
        // Answered as a response, not an `Err`, so `render_errors` can draw the page.
        _ => Ok(req.error_response(AppError::CsrfRejected).map_into_right_body()),
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE)
}

fn header_token(req: &ServiceRequest) -> Option<String> {
    req.headers().get(HEADER)?.to_str().ok().map(str::to_owned)
}

/// File uploads stream their body to the handler, so their form carries the token in its
/// `action` query instead (our logs never record query strings).
fn multipart_token(req: &ServiceRequest) -> Option<String> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !is_multipart {
        return None;
    }
    serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
        .ok()?
        .into_iter()
        .find(|(name, _)| name == FIELD)
        .map(|(_, value)| value)
}

/// Reads the token from a url-encoded form body, then puts the body back for the handler.
async fn form_token(req: &mut ServiceRequest) -> Result<Option<String>, actix_web::Error> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok(None);
    }
    let body = req.extract::<Bytes>().await?;
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .ok()
        .and_then(|fields| fields.into_iter().find(|(name, _)| name == FIELD).map(|(_, value)| value));
    req.set_payload(Payload::from(body));
    Ok(token)
}
