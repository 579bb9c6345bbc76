use reqwest::StatusCode;
use sales_objectives::domain::role::Role;

use crate::helpers::{Options, PASSWORD, TestApp, input_value, location, texts};

#[tokio::test]
async fn the_sign_in_page_offers_a_form_with_a_csrf_token() {
    let app = TestApp::spawn().await;
    let response = app.get("/login").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("body");
    // The session's 64-character token, masked: a pad and the token under it, in hex.
    assert!(input_value(&html, "csrf_token").is_some_and(|t| t.len() == 256));
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
async fn a_deactivated_user_is_refused_exactly_like_a_wrong_password() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.execute(&format!("UPDATE users SET active = FALSE WHERE id = {}", rep.id));

    let right = app.login("rep@acme.example", PASSWORD).await;
    let wrong = app.login("rep@acme.example", "not the password").await;

    assert_eq!(right.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let (right, wrong) = (right.text().await.expect("body"), wrong.text().await.expect("body"));
    assert_eq!(texts(&right, "[role=alert]"), texts(&wrong, "[role=alert]"));
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER);
}

/// The application behind a proxy on 127.0.0.1, so that each test client can say which
/// address it signs in from.
async fn behind_a_proxy() -> TestApp {
    TestApp::spawn_with(Options { trusted_proxies: "127.0.0.1", ..Options::default() }).await
}

async fn login_from(app: &TestApp, address: &str, email: &str, password: &str) -> reqwest::Response {
    let token = app.csrf_token("/login").await;
    app.client
        .post(app.url("/login"))
        .header("X-Forwarded-For", address)
        .form(&[("email", email), ("password", password), ("csrf_token", &token)])
        .send()
        .await
        .expect("request sent")
}

#[tokio::test]
async fn five_failures_from_one_address_make_that_address_wait_and_the_wait_grows() {
    let app = behind_a_proxy().await;
    app.create_account("Acme", "admin@acme.example");
    for _ in 0..5 {
        let response = login_from(&app, "203.0.113.7", "admin@acme.example", "guess").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }

    // Even the right password waits now, from that address, with a page that says why.
    let throttled = login_from(&app, "203.0.113.7", "admin@acme.example", PASSWORD).await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = throttled.text().await.expect("body");
    let message = &texts(&html, "[role=alert]")[0];
    assert!(message.contains("Too many failed sign-in attempts") && message.contains("1 minute"), "{message}");

    // Each failure after a wait doubles the next one: 30 s, 1 min, 2 min...
    for _ in 0..2 {
        app.execute("UPDATE sign_in_throttle SET blocked_until = NULL");
        let response = login_from(&app, "203.0.113.7", "admin@acme.example", "guess").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let html = login_from(&app, "203.0.113.7", "admin@acme.example", PASSWORD).await.text().await.expect("body");
    assert!(texts(&html, "[role=alert]")[0].contains("2 minutes"), "{:?}", texts(&html, "[role=alert]"));
}

#[tokio::test]
async fn a_guesser_cannot_lock_the_owner_out_from_the_owners_own_address() {
    let app = behind_a_proxy().await;
    app.create_account("Acme", "admin@acme.example");
    for _ in 0..12 {
        login_from(&app, "198.51.100.66", "admin@acme.example", "guess").await;
    }
    assert_eq!(
        login_from(&app, "198.51.100.66", "admin@acme.example", PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the guesser's address waits"
    );

    let owner = login_from(&app, "203.0.113.20", "admin@acme.example", PASSWORD).await;

    assert_eq!(owner.status(), StatusCode::SEE_OTHER, "the owner, from elsewhere, signs in");
}

#[tokio::test]
async fn one_address_spraying_a_password_over_many_e_mails_is_stopped() {
    let app = behind_a_proxy().await;
    app.create_account("Acme", "admin@acme.example");
    let mut statuses = Vec::new();
    for n in 0..31 {
        statuses.push(login_from(&app, "192.0.2.50", &format!("person{n}@acme.example"), "Summer2026!").await.status());
    }
    assert!(statuses[..30].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert_eq!(statuses[30], StatusCode::TOO_MANY_REQUESTS, "the thirty-first e-mail waits");
    assert_eq!(
        login_from(&app, "192.0.2.50", "admin@acme.example", PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "every e-mail waits from that address"
    );
    assert_eq!(login_from(&app, "192.0.2.51", "admin@acme.example", PASSWORD).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_are_counted_exactly() {
    let app = behind_a_proxy().await;
    app.create_account("Acme", "admin@acme.example");
    let token = app.csrf_token("/login").await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(40));
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let request = app.client.post(app.url("/login")).header("X-Forwarded-For", "203.0.113.99").form(&[
            ("email", "admin@acme.example"),
            ("password", "guess"),
            ("csrf_token", &token),
        ]);
        let barrier = barrier.clone();
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            request.send().await.expect("request sent").status()
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("finished"));
    }

    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let waited = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, waited), (5, 35), "{statuses:?}");
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
    for _ in 0..5 {
        app.login("admin@acme.example", "guess").await;
    }
    let long_ago = (chrono::Utc::now() - chrono::Duration::minutes(16)).naive_utc();
    app.execute(&format!("UPDATE sign_in_throttle SET window_start = '{long_ago}', blocked_until = NULL"));

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
async fn an_e_mail_in_two_accounts_signs_in_to_the_one_its_password_opens_or_offers_the_choice() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.create_account("Globex", "admin@globex.example");
    app.create_user("Acme", "sam@shared.example", "Sam at Acme", Role::Rep);
    let globex = app.create_user("Globex", "sam@shared.example", "Sam at Globex", Role::Rep);
    app.execute(&format!("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = {}) WHERE email = 'sam@shared.example'", globex.id));

    let response = app.login("sam@shared.example", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/login/account"), "{}", location(&response));
    let page = app.get(location(&response)).await.text().await.expect("body");
    assert_eq!(texts(&page, "li button"), ["Acme", "Globex"]);

    let token = input_value(&page, "csrf_token").expect("token");
    let chosen = app.post_form("/login/account", &[("user_id", &globex.id.to_string()), ("csrf_token", &token)]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    let home = app.get("/me/objectives").await.text().await.expect("body");
    assert_eq!(texts(&home, ".who-account"), ["Globex"], "{home}");
}

#[tokio::test]
async fn an_account_cannot_be_chosen_without_the_password_that_opens_it() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let other = app.create_account("Globex", "boss@globex.example");
    let token = app.csrf_token("/login").await;

    let forged = app.post_form("/login/account", &[("user_id", &other.id.to_string()), ("csrf_token", &token)]).await;

    assert_eq!(forged.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/").await.status(), StatusCode::SEE_OTHER, "still signed out");
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
