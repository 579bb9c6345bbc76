use reqwest::StatusCode;
use sales_objectives::domain::role::Role;

use crate::helpers::{PASSWORD, TestApp, input_value, location, texts};

#[tokio::test]
async fn the_sign_in_page_offers_a_form_with_a_csrf_token() {
    let app = TestApp::spawn().await;
    let response = app.get("/login").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("body");
    assert!(input_value(&html, "csrf_token").is_some_and(|t| t.len() == 64));
    assert!(html.contains(r#"name="email""#) && html.contains(r#"name="password""#));
}

#[tokio::test]
async fn a_user_signs_in_with_the_right_password_and_sees_their_name() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");

    let response = app.login("admin@acme.example", PASSWORD).await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    let home = app.get("/").await.text().await.expect("body");
    assert!(texts(&home, ".who-name").contains(&admin.name));
}

#[tokio::test]
async fn the_email_is_matched_without_regard_to_case_or_spaces() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let response = app.login("  Admin@ACME.example ", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_wrong_password_is_refused_and_the_email_is_kept() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");

    let response = app.login("admin@acme.example", "not the password").await;

    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "[role=alert]"), ["Wrong e-mail or password."]);
    assert_eq!(input_value(&html, "email").as_deref(), Some("admin@acme.example"));
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER, "still signed out");
}

#[tokio::test]
async fn an_unknown_email_gets_exactly_the_same_answer_as_a_wrong_password() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");

    let wrong_password = app.login("admin@acme.example", "not the password").await;
    let unknown_email = app.login("nobody@acme.example", "not the password").await;

    assert_eq!(wrong_password.status(), unknown_email.status());
    let (a, b) = (wrong_password.text().await.expect("body"), unknown_email.text().await.expect("body"));
    assert_eq!(texts(&a, "[role=alert]"), texts(&b, "[role=alert]"));
}

#[tokio::test]
async fn a_deactivated_user_cannot_sign_in() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.execute(&format!("UPDATE users SET active = FALSE WHERE id = {}", rep.id));

    let response = app.login("rep@acme.example", PASSWORD).await;

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.expect("body");
    assert!(texts(&html, "[role=alert]")[0].contains("deactivated"));
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn five_failures_within_fifteen_minutes_throttle_that_email() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.create_account("Other", "admin@other.example");
    for _ in 0..5 {
        let response = app.login("admin@acme.example", "guess").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }

    // Even the right password waits now, with a page that says why and for how long.
    let throttled = app.login("admin@acme.example", PASSWORD).await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = throttled.text().await.expect("body");
    let message = &texts(&html, "[role=alert]")[0];
    assert!(message.contains("Too many failed sign-in attempts") && message.contains("15 minutes"), "{message}");

    // Another e-mail is not affected.
    assert_eq!(app.login("admin@other.example", PASSWORD).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn unknown_emails_are_throttled_like_known_ones() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        app.login("ghost@acme.example", "guess").await;
    }
    assert_eq!(app.login("ghost@acme.example", "guess").await.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn failures_older_than_the_window_no_longer_throttle() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let long_ago = (chrono::Utc::now() - chrono::Duration::minutes(16)).naive_utc();
    for _ in 0..5 {
        sales_objectives::store::login_failures::record(&mut app.conn(), "admin@acme.example", long_ago, long_ago)
            .expect("failure recorded");
    }

    assert_eq!(app.login("admin@acme.example", PASSWORD).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_success_clears_earlier_failures() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    for _ in 0..4 {
        app.login("admin@acme.example", "guess").await;
    }
    assert_eq!(app.login("admin@acme.example", PASSWORD).await.status(), StatusCode::SEE_OTHER);
    app.logout().await;
    for _ in 0..4 {
        app.login("admin@acme.example", "guess").await;
    }
    assert_eq!(app.login("admin@acme.example", PASSWORD).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn after_sign_in_the_user_returns_to_the_page_they_asked_for() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");

    let asked = app.get("/control-panel").await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&asked), "/login?next=%2Fcontrol-panel");

    let html = app.get(location(&asked)).await.text().await.expect("body");
    let next = input_value(&html, "next").expect("next field");
    let token = input_value(&html, "csrf_token").expect("token");
    let response = app
        .post_form(
            "/login",
            &[("email", "admin@acme.example"), ("password", PASSWORD), ("next", &next), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(location(&response), "/control-panel");
}

#[tokio::test]
async fn a_next_address_on_another_site_is_ignored() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    for next in ["https://evil.example/", "//evil.example"] {
        let token = app.csrf_token("/login").await;
        let response = app
            .post_form(
                "/login",
                &[("email", "admin@acme.example"), ("password", PASSWORD), ("next", next), ("csrf_token", &token)],
            )
            .await;
        assert_eq!(location(&response), "/", "{next}");
        app.logout().await;
    }
}

#[tokio::test]
async fn a_missing_field_is_a_refusal_not_an_error() {
    let app = TestApp::spawn().await;
    let token = app.csrf_token("/login").await;
    let response = app.post_form("/login", &[("csrf_token", &token)]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}
