//! Forms and queries with repeated fields (`outcome_ids=1&outcome_ids=2`), which actix's
//! own extractors cannot read into a `Vec`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::ErrorBadRequest;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

/// A url-encoded form body.
pub struct HtmlForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for HtmlForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = Bytes::from_request(req, payload);
        Box::pin(async move {
            let body = body.await?;
            serde_html_form::from_bytes(&body).map(HtmlForm).map_err(ErrorBadRequest)
        })
    }
}

/// A query string.
pub struct HtmlQuery<T>(pub T);

impl<T: DeserializeOwned> FromRequest for HtmlQuery<T> {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(serde_html_form::from_str(req.query_string()).map(HtmlQuery).map_err(ErrorBadRequest))
    }
}

/// A form drawn again with what was typed so far: the query of a GET (a link, htmx), the
/// body of a POST (the form posted back to itself without JavaScript, so that its CSRF
/// token stays out of URLs).
pub struct HtmlInput<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for HtmlInput<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.method() == actix_web::http::Method::POST {
            let form = HtmlForm::<T>::from_request(req, payload);
            Box::pin(async move { form.await.map(|HtmlForm(value)| HtmlInput(value)) })
        } else {
            let query = HtmlQuery::<T>::from_request(req, payload).into_inner();
            Box::pin(std::future::ready(query.map(|HtmlQuery(value)| HtmlInput(value))))
        }
    }
}

/// A form of one field, a name (a pipeline, an action or a result added or renamed).
#[derive(serde::Deserialize)]
pub struct NameForm {
    #[serde(default)]
    pub name: String,
}
