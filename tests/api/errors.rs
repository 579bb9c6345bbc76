use reqwest::StatusCode;

use crate::helpers::{TestApp, texts};

#[tokio::test]
async fn an_unknown_address_gets_a_styled_not_found_page() {
    let app = TestApp::spawn().await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.expect("body");
    assert!(html.contains("<html") && html.contains("/static/app-"));
    assert_eq!(texts(&html, "h1"), ["Page not found"]);
}

#[tokio::test]
async fn htmx_gets_a_small_error_partial() {
    let app = TestApp::spawn().await;
    let response = app.get_htmx("/no/such/page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.expect("body");
    assert!(!html.contains("<html") && !html.contains("<nav"));
    assert_eq!(texts(&html, "[role=alert] strong"), ["Page not found"]);
    assert_eq!(
        response_target(&app).await,
        Some("#htmx-error".to_owned()),
        "shown in the page's message region, not in place of the part it aimed at"
    );
}

#[tokio::test]
async fn a_request_that_is_not_a_form_gets_a_styled_bad_request_page() {
    let app = TestApp::spawn().await;
    let token = app.csrf_token("/login").await;
    let response = app
        .client
        .post(app.url("/login"))
        .header("Content-Type", "application/json")
        .header("X-CSRF-Token", token)
        .body(r#"{"email": "a@b.example"}"#)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "h1"), ["Bad request"]);
}

#[tokio::test]
async fn health_answers_ok_when_the_database_answers() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.expect("body"), "ok");
}

async fn response_target(app: &TestApp) -> Option<String> {
    let response = app.get_htmx("/no/such/page").await;
    response.headers().get("HX-Retarget").and_then(|v| v.to_str().ok()).map(str::to_owned)
}
