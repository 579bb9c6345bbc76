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

/// Signs in as `email` and returns the session cookie, as an attacker would copy it.
async fn signed_in_cookie(app: &TestApp, email: &str) -> String {
    let response = app.login(email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let cookie = session_cookie(&response).expect("a session cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}

/// A browser that knows nothing but `cookie`.
async fn get_with(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    client.get(app.url(path)).header("Cookie", cookie).send().await.expect("sent")
}

#[tokio::test]
async fn a_cookie_copied_before_sign_out_no_longer_works_for_reading_or_writing() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let copied = signed_in_cookie(&app, &admin.email).await;
    assert_eq!(get_with(&app, &copied, "/admin/users").await.status(), StatusCode::OK);
    let token = app.csrf_token("/").await;

    app.logout().await;

    let read = get_with(&app, &copied, "/admin/users").await;
    assert_eq!((read.status(), location(&read)), (StatusCode::SEE_OTHER, "/login?next=%2Fadmin%2Fusers"));
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let write = client
        .post(app.url("/admin/teams"))
        .header("Cookie", &copied)
        .form(&[("name", "Sneaky"), ("csrf_token", &token)])
        .send()
        .await
        .expect("sent");
    assert!(!write.status().is_success(), "{}", write.status());
    assert_eq!(app.count("teams"), 0, "nothing was written");
    assert_eq!(app.count("sessions"), 0, "the session is gone from the server");
}

#[tokio::test]
async fn a_session_ends_after_two_hours_without_a_request() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let a_while_ago = (chrono::Utc::now() - chrono::Duration::minutes(119)).naive_utc();
    app.execute(&format!("UPDATE sessions SET last_seen_at = '{a_while_ago}'"));
    assert_eq!(app.get("/").await.status(), StatusCode::OK, "119 minutes idle: still on");

    let too_long_ago = (chrono::Utc::now() - chrono::Duration::minutes(121)).naive_utc();
    app.execute(&format!("UPDATE sessions SET last_seen_at = '{too_long_ago}'"));

    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_session_used_all_day_ends_twelve_hours_after_sign_in() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let this_morning = (chrono::Utc::now() - chrono::Duration::hours(12)).naive_utc();
    app.execute(&format!("UPDATE sessions SET created_at = '{this_morning}'"));

    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER, "used a second ago, but begun 12 hours ago");
}

#[tokio::test]
async fn an_admin_signs_a_user_out_everywhere() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    let (phone, laptop) = (app.another_browser(), app.another_browser());
    phone.login_as(&rep).await;
    laptop.login_as(&rep).await;
    app.login_as(&admin).await;

    let response = app.submit(&format!("/admin/users/{}/end-sessions", rep.id), &[]).await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(phone.get("/me/objectives").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(laptop.get("/me/objectives").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/admin/users").await.status(), StatusCode::OK, "the admin's own session goes on");
    let audit = app.get("/admin/audit").await.text().await.expect("body");
    assert!(audit.contains("rep@acme.example"), "the audit log records it");
    phone.login_as(&rep).await;
    assert_eq!(phone.get("/me/objectives").await.status(), StatusCode::OK, "signing in again works");
}

#[tokio::test]
async fn changing_ones_password_ends_the_other_sessions_and_keeps_this_one() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let other = app.another_browser();
    other.login_as(&admin).await;
    app.login_as(&admin).await;

    let response = app
        .submit(
            "/me/account",
            &[("name", "Admin Person"), ("current_password", PASSWORD), ("new_password", "a new good password")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/me/account").await.status(), StatusCode::OK);
    assert_eq!(other.get("/me/account").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("sessions"), 1);
}
