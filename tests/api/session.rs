use reqwest::StatusCode;
use sales_objectives::domain::role::Role;

use crate::helpers::{Options, PASSWORD, TestApp, location, session_cookie};

#[tokio::test]
async fn signing_in_issues_a_new_session_cookie() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let before = session_cookie(&app.get("/login").await).expect("the sign-in page starts a session");

    let token = app.csrf_token("/login").await;
    let response = app
        .post_form("/login", &[("email", "admin@acme.example"), ("password", PASSWORD), ("csrf_token", &token)])
        .await;

    let after = session_cookie(&response).expect("sign-in sets the session cookie");
    assert_ne!(before, after);
}

#[tokio::test]
async fn signing_in_gives_a_new_csrf_token() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let before = app.csrf_token("/login").await;
    app.login("admin@acme.example", PASSWORD).await;
    assert_ne!(before, app.csrf_token("/").await);
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax() {
    let app = TestApp::spawn().await;
    let cookie = session_cookie(&app.get("/login").await).expect("cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http on loopback works out of the box: {cookie}");
}

#[tokio::test]
async fn the_session_cookie_is_secure_when_configured() {
    let app = TestApp::spawn_with(Options { cookie_secure: true, ..Options::default() }).await;
    let cookie = session_cookie(&app.get("/login").await).expect("cookie");
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.login("admin@acme.example", PASSWORD).await;

    let response = app.logout().await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_deactivated_user_is_signed_out_at_their_next_request() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&rep).await;
    assert_eq!(app.get("/").await.status(), StatusCode::OK);

    app.execute(&format!("UPDATE users SET active = FALSE WHERE id = {}", rep.id));

    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");
}

#[tokio::test]
async fn a_new_session_version_ends_older_sessions() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;

    app.execute(&format!("UPDATE users SET session_version = session_version + 1 WHERE id = {}", admin.id));

    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER);
    // Signing in again works, with the new version.
    app.login_as(&admin).await;
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_htmx_request_without_a_session_is_sent_to_the_sign_in_page() {
    let app = TestApp::spawn().await;
    let response = app.get_htmx("/control-panel").await;
    assert_eq!(
        response.headers().get("HX-Redirect").and_then(|v| v.to_str().ok()),
        Some("/login?next=%2Fcontrol-panel")
    );
}
