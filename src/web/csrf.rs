//! CSRF protection: a synchronizer token kept in the session must come back with every
//! state-changing request, in the `csrf_token` form field or the `X-CSRF-Token` header
//! (which htmx sends from `hx-headers` on `<body>`); never in a URL, which logs and
//! referrers keep. Pages show it masked afresh each time (`masked`). A file upload (multipart) streams its body to its handler, which reads
//! the token from the form's first field (`check_multipart`); no other handler reads a
//! multipart body (their form extractors refuse it), so none can act on one unchecked.

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
    // The API reads no cookie, only its bearer token: nothing there for a forger to ride.
    if is_safe(req.method()) || req.path().starts_with(super::api::PREFIX) {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    }
    let expected = TypedSession::from_session(req.get_session()).stored_csrf_token();
    if header_token(&req).is_none() && is_multipart(&req) {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    }
    let presented = match header_token(&req) {
        Some(token) => Some(token),
        None => match form_token(&mut req).await {
            Ok(token) => token,
            Err(error) => return Ok(req.error_response(error).map_into_right_body()),
        },
    };
    match (expected, presented) {
        (Some(expected), Some(presented)) if same(&expected, &presented) => {
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

/// Whether `presented` carries the session's token: masked as pages show it, or as it is.
fn same(expected: &str, presented: &str) -> bool {
    match unmask(presented, expected.len()) {
        Some(token) => bool::from(expected.as_bytes().ct_eq(&token)),
        None => bool::from(expected.as_bytes().ct_eq(presented.as_bytes())),
    }
}

/// The token as a page shows it: a fresh random pad, then the token XOR the pad, both in
/// hex. Never the same twice, so that a compressed page says nothing of the token through
/// its size, whatever a request makes it repeat (BREACH).
pub fn masked(token: &str) -> String {
    let mut pad = vec![0u8; token.len()];
    getrandom::fill(&mut pad).expect("the operating system random generator failed");
    let hidden: Vec<u8> = token.bytes().zip(&pad).map(|(byte, key)| byte ^ key).collect();
    format!("{}{}", hex::encode(&pad), hex::encode(hidden))
}

/// The token a masked one stands for, when `presented` has the masked form of a token of
/// `len` bytes.
fn unmask(presented: &str, len: usize) -> Option<Vec<u8>> {
    if presented.len() != 4 * len {
        return None;
    }
    let bytes = hex::decode(presented).ok()?;
    let (pad, hidden) = bytes.split_at(len);
    Some(hidden.iter().zip(pad).map(|(byte, key)| byte ^ key).collect())
}

fn is_multipart(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// Checks the token of a multipart body that came without the header: its first field
/// must be `csrf_token` and match the session's. Read before the rest of the body, so a
/// forged upload is refused before its file is read.
pub async fn check_multipart(
    req: &actix_web::HttpRequest,
    payload: &mut actix_multipart::Multipart,
) -> Result<(), AppError> {
    use futures_util::StreamExt;
    let expected = TypedSession::from_session(req.get_session()).stored_csrf_token();
    if let (Some(expected), Some(presented)) = (&expected, req.headers().get(HEADER).and_then(|v| v.to_str().ok())) {
        return if same(expected, presented) { Ok(()) } else { Err(AppError::CsrfRejected) };
    }
    let Some(Ok(mut field)) = payload.next().await else { return Err(AppError::CsrfRejected) };
    if field.name() != Some(FIELD) {
        return Err(AppError::CsrfRejected);
    }
    let mut presented = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| AppError::CsrfRejected)?;
        if presented.len() + chunk.len() > 512 {
            return Err(AppError::CsrfRejected);
        }
        presented.extend_from_slice(&chunk);
    }
    match (expected, std::str::from_utf8(&presented)) {
        (Some(expected), Ok(presented)) if same(&expected, presented) => Ok(()),
        _ => Err(AppError::CsrfRejected),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_token_differs_every_time_and_still_matches() {
        let token = crate::password::random_token();
        let (one, two) = (masked(&token), masked(&token));
        assert_ne!(one, two);
        assert!(!one.contains(&token));
        assert!(same(&token, &one) && same(&token, &two) && same(&token, &token));
        let other = masked(&crate::password::random_token());
        assert!(!same(&token, &other));
        assert!(!same(&token, &one[..one.len() - 2]), "a cut token");
        assert!(!same(&token, &"z".repeat(4 * token.len())), "not hex");
    }
}
