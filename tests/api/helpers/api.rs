//! The JSON API as another program uses it: a token made on its Control Panel page, and
//! requests that carry it and no cookie.

use reqwest::{Method, StatusCode, header};
use sales_objectives::store::users::UserRow;
use serde_json::Value;

use super::TestApp;

/// A client of the API with one token.
#[derive(Clone)]
pub struct Api {
    address: String,
    secret: String,
    client: reqwest::Client,
}

/// An answer: status, the `Content-Type`, a few headers, and the body as JSON (`Null` when
/// it is none).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: header::HeaderMap,
    pub body: Value,
}

impl Answer {
    /// A problem's stable code.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    /// The problem's fields, each as `field` or `field@item`.
    pub fn fields(&self) -> Vec<String> {
        let errors = self.body["errors"].as_array().cloned().unwrap_or_default();
        errors
            .iter()
            .map(|e| match e["item"].as_u64() {
                Some(item) => format!("{}@{item}", e["field"].as_str().unwrap_or_default()),
                None => e["field"].as_str().unwrap_or_default().to_owned(),
            })
            .collect()
    }

    /// Asserts a problem of `status` and `code`, as RFC 9457 says it.
    pub fn assert_problem(&self, status: StatusCode, code: &str) {
        assert_eq!(self.status, status, "{:#}", self.body);
        assert_eq!(self.content_type, "application/problem+json", "{:#}", self.body);
        assert_eq!(self.code(), code, "{:#}", self.body);
        assert_eq!(self.body["status"].as_u64(), Some(u64::from(status.as_u16())));
        assert!(self.body["title"].as_str().is_some_and(|t| !t.is_empty()), "{:#}", self.body);
    }
}

impl TestApp {
    /// Makes a token with `scopes` through Control Panel › API tokens, as `admin` signed in
    /// on a browser of their own, and returns its secret, read off the page that shows it
    /// once.
    pub async fn api_token(&self, admin: &UserRow, name: &str, scopes: &[&str]) -> String {
        let browser = self.another_browser();
        browser.login_as(admin).await;
        let mut fields = vec![("name", name)];
        fields.extend(scopes.iter().map(|s| ("scopes", *s)));
        let response = browser.submit("/control-panel/api-tokens", &fields).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.expect("the page");
        shown_secret(&page).expect("the secret is shown")
    }

    /// A client of the API with `secret`.
    pub fn api(&self, secret: &str) -> Api {
        Api { address: self.address.clone(), secret: secret.to_owned(), client: reqwest::Client::new() }
    }
}

/// The secret a page shows once.
fn shown_secret(html: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("#new-secret").ok()?;
    Some(document.select(&selector).next()?.text().collect::<String>().trim().to_owned())
}

impl Api {
    pub fn secret(&self) -> &str {
        &self.secret
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(Method::GET, path, None, &[]).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Answer {
        self.send(Method::POST, path, Some(body), &[]).await
    }

    pub async fn post_keyed(&self, path: &str, body: &Value, key: &str) -> Answer {
        self.send(Method::POST, path, Some(body), &[("Idempotency-Key", key)]).await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Answer {
        self.send(Method::PATCH, path, Some(body), &[]).await
    }

    pub async fn put(&self, path: &str, body: &Value) -> Answer {
        self.send(Method::PUT, path, Some(body), &[]).await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        self.send(Method::DELETE, path, None, &[]).await
    }

    /// Each of `bodies` POSTed to `path` at once, each by its own request, with `headers`.
    pub async fn post_at_once(&self, path: &str, bodies: Vec<Value>, headers: &[(&str, &str)]) -> Vec<Answer> {
        let sends =
            bodies.into_iter().map(|body| async move { self.send(Method::POST, path, Some(&body), headers).await });
        futures_util::future::join_all(sends).await
    }

    /// A request with this client's token, a JSON body if any, and `headers`.
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.address)).bearer_auth(&self.secret);
        if let Some(body) = body {
            request = request.json(body);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        answer(request.send().await.expect("the server answers")).await
    }

    /// A request with a raw body and no token checks beyond what is sent.
    pub async fn raw(&self, method: Method, path: &str, authorization: Option<&str>, body: &str) -> Answer {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address))
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(value) = authorization {
            request = request.header(header::AUTHORIZATION, value);
        }
        answer(request.body(body.to_owned()).send().await.expect("the server answers")).await
    }
}

/// Of requests sent at once naming one record by its external id: each made it (201),
/// updated it (200) or was told to retry (503), and exactly one made it.
pub fn one_created_the_others_updated(answers: &[Answer]) {
    for answer in answers {
        assert!(
            [StatusCode::CREATED, StatusCode::OK, StatusCode::SERVICE_UNAVAILABLE].contains(&answer.status),
            "{:#}",
            answer.body
        );
    }
    assert_eq!(
        answers.iter().filter(|a| a.status == StatusCode::CREATED).count(),
        1,
        "one made it, the others updated it"
    );
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let text = response.text().await.expect("a body");
    let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
    Answer { status, content_type, headers, body }
}
