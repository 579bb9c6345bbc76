use reqwest::StatusCode;

use crate::helpers::{PASSWORD, TestApp, texts};

#[tokio::test]
async fn signing_in_without_a_csrf_token_is_forbidden() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.get("/login").await;

    let response = app.post_form("/login", &[("email", "admin@acme.example"), ("password", PASSWORD)]).await;

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "h1"), ["This form has expired"]);
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER, "not signed in");
}

#[tokio::test]
async fn a_wrong_csrf_token_is_forbidden() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.get("/login").await;
    let forged = "0".repeat(64);
    let response = app
        .post_form("/login", &[("email", "admin@acme.example"), ("password", PASSWORD), ("csrf_token", &forged)])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_token_from_another_session_is_forbidden() {
    let mut app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let other_browsers_token = app.csrf_token("/login").await;
    app.new_browser();
    app.get("/login").await;
    let response = app
        .post_form(
            "/login",
            &[("email", "admin@acme.example"), ("password", PASSWORD), ("csrf_token", &other_browsers_token)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn signing_out_without_a_token_is_forbidden_and_keeps_the_session() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.login("admin@acme.example", PASSWORD).await;

    let response = app.post_form("/logout", &[]).await;

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn htmx_requests_carry_the_token_in_a_header() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.login("admin@acme.example", PASSWORD).await;
    let html = app.get("/").await.text().await.expect("body");
    let token = crate::helpers::input_value(&html, "csrf_token").expect("a token");
    assert!(html.contains(&format!(r#"hx-headers='{{"X-CSRF-Token": "{token}"}}'"#)), "body carries hx-headers");

    let refused = app.client.post(app.url("/logout")).header("HX-Request", "true").send().await.expect("sent");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let partial = refused.text().await.expect("body");
    assert!(!partial.contains("<html"), "htmx gets a partial");

    let accepted = app
        .client
        .post(app.url("/logout"))
        .header("HX-Request", "true")
        .header("X-CSRF-Token", token)
        .send()
        .await
        .expect("sent");
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
}
