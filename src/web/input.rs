//! A net under every request: a NUL byte in any query parameter or form field is refused
//! whole (400 for a query, 422 for a form), naming the field, before any handler runs.
//! PostgreSQL cannot store one, and no person types one. Other control characters are the
//! business of each field's own rule (`domain::text`).

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::Bytes;

use super::AppError;
use crate::domain::message::Message;
use crate::domain::text::field_with_nul;

pub async fn refuse_nul_bytes(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if let Some(field) = nul_field(req.query_string().as_bytes()) {
        if req.path().starts_with(super::api::PREFIX) {
            let problem = super::api::nul_refused(super::i18n::visitor_locale(req.request()), &field);
            return Ok(req.error_response(problem).map_into_right_body());
        }
        let error = AppError::BadRequest(Message::new("field-with-nul").arg("field", field));
        return Ok(req.error_response(error).map_into_right_body());
    }
    if is_form(&req) {
        let body = req.extract::<Bytes>().await?;
        let found = nul_field(&body);
        req.set_payload(Payload::from(body));
        if let Some(field) = found {
            let error = AppError::Refused(vec![Message::new("field-with-nul").arg("field", field)]);
            return Ok(req.error_response(error).map_into_right_body());
        }
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}

fn is_form(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// The name of the first url-encoded field holding a NUL byte (names shown at most 40
/// characters long, without their NUL).
fn nul_field(encoded: &[u8]) -> Option<String> {
    if !encoded.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00")) && !encoded.contains(&0) {
        return None;
    }
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(encoded).ok()?;
    let field = field_with_nul(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    Some(field.replace('\0', "").chars().take(40).collect())
}

#[cfg(test)]
mod tests {
    use super::nul_field;

    #[test]
    fn a_nul_in_a_value_or_a_name_is_found_and_named() {
        assert_eq!(nul_field(b"name=Ada&note=a%00b"), Some("note".to_owned()));
        assert_eq!(nul_field(b"na%00me=Ada"), Some("name".to_owned()));
        assert_eq!(nul_field(b"name=Ada&note=100%25"), None);
    }
}
