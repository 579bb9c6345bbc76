//! Control Panel › API tokens, and what a token is worth: shown once and stored hashed,
//! scoped, refused at once when revoked or when its maker is no longer an admin, bound to
//! its account, held to its rate.

use reqwest::{Method, StatusCode};
use sales_objectives::domain::role::Role;

use crate::helpers::{Options, TestApp};

#[tokio::test]
async fn a_token_is_shown_once_stored_hashed_listed_and_audited() {
    let app = TestApp::spawn().await;
    let acme = app.acme().build();
    let secret = app.api_token(&acme.admin, "CRM sync", &["activities:write", "users:read"]).await;
    assert!(secret.starts_with("so_") && secret.len() == 51, "{secret}");
    app.login_as(&acme.admin).await;
    assert_eq!(app.count(&format!("api_tokens WHERE secret_hash = '{secret}'")), 0, "the secret itself is not kept");
    assert_eq!(app.count("api_tokens WHERE name = 'CRM sync' AND scopes = 'activities:write users:read'"), 1);
    let page = app.get("/control-panel/api-tokens").await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.expect("page");
    assert!(html.contains("CRM sync") && html.contains(&secret[..9]), "listed by name and first characters");
    assert!(!html.contains(&secret), "the secret is never shown again");
    assert!(html.contains("never"), "not used yet");
    assert_eq!(app.api(&secret).get("/api/v1/users").await.status, StatusCode::OK);
    let html = app.get("/control-panel/api-tokens").await.text().await.expect("page");
    assert!(!html.contains(">never<"), "its last use is shown: {html}");
    let audit = app.get("/admin/audit").await.text().await.expect("audit");
    assert!(audit.contains("API token made") && audit.contains("CRM sync"), "audited");
}

#[tokio::test]
async fn a_token_needs_a_name_and_a_scope_and_only_admins_make_one() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().build();
    app.login_as(&acme.admin).await;
    let response = app.submit("/control-panel/api-tokens", &[("name", "  ")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("Give the token a name") && html.contains("Tick at least one scope"), "{html}");
    let response = app.submit("/control-panel/api-tokens", &[("name", "x"), ("scopes", "admin:all")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("api_tokens"), 0, "nothing half-made");
    let manager = app.another_browser();
    manager.login_as(acme.manager()).await;
    assert_eq!(manager.get("/control-panel/api-tokens").await.status(), StatusCode::FORBIDDEN);
    let response = manager.submit("/control-panel/api-tokens", &[("name", "x"), ("scopes", "users:read")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("api_tokens"), 0);
}

#[tokio::test]
async fn without_a_token_in_force_every_request_is_refused_with_a_problem() {
    let app = TestApp::spawn().await;
    let acme = app.acme().build();
    let secret = app.api_token(&acme.admin, "Script", &["users:read"]).await;
    let api = app.api(&secret);
    let fake = format!("so_{}", "0".repeat(48));
    for authorization in
        [None, Some("Bearer"), Some("Basic dXNlcjpwYXNz"), Some("Bearer nonsense"), Some(fake.as_str())]
    {
        let header = authorization.map(|a| if a.starts_with("so_") { format!("Bearer {a}") } else { a.to_owned() });
        let answer = api.raw(Method::GET, "/api/v1/users", header.as_deref(), "").await;
        answer.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized");
        assert_eq!(answer.headers["www-authenticate"], "Bearer");
    }
    // A session cookie is no way in either.
    assert_eq!(app.get("/api/v1/users").await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_revoked_token_is_refused_from_its_next_request() {
    let app = TestApp::spawn().await;
    let acme = app.acme().build();
    let secret = app.api_token(&acme.admin, "Old sync", &["users:read"]).await;
    let api = app.api(&secret);
    assert_eq!(api.get("/api/v1/users").await.status, StatusCode::OK);
    app.login_as(&acme.admin).await;
    let id = sales_objectives::store::api_tokens::list(&mut app.conn(), acme.admin.account_id).expect("tokens")[0].0.id;
    let confirm = app.get(&format!("/control-panel/api-tokens/{id}/revoke")).await;
    assert_eq!(confirm.status(), StatusCode::OK);
    assert!(confirm.text().await.expect("page").contains("Old sync"));
    let response = app.submit(&format!("/control-panel/api-tokens/{id}/revoke"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    api.get("/api/v1/users").await.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized");
    // A second revoke finds nothing to revoke.
    assert_eq!(
        app.submit(&format!("/control-panel/api-tokens/{id}/revoke"), &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    let html = app.get("/control-panel/api-tokens").await.text().await.expect("page");
    assert!(html.contains("revoked"), "{html}");
    let audit = app.get("/admin/audit").await.text().await.expect("audit");
    assert!(audit.contains("API token revoked"));
}

#[tokio::test]
async fn a_token_stops_working_when_its_maker_is_no_longer_an_admin() {
    let app = TestApp::spawn().await;
    let acme = app.acme().build();
    let second = app.create_user("Acme", "ada@acme.example", "Ada Admin", Role::Admin);
    let secret = app.api_token(&second, "Ada's script", &["users:read"]).await;
    let api = app.api(&secret);
    assert_eq!(api.get("/api/v1/users").await.status, StatusCode::OK);
    app.execute(&format!("UPDATE users SET role = 'manager' WHERE id = {}", second.id));
    api.get("/api/v1/users").await.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized");
    app.execute(&format!("UPDATE users SET role = 'admin', active = false WHERE id = {}", second.id));
    api.get("/api/v1/users").await.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized");
    let _ = acme;
}

#[tokio::test]
async fn a_token_does_only_what_its_scopes_allow() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_reps(1).build();
    let secret = app.api_token(&acme.admin, "Reader", &["users:read"]).await;
    let api = app.api(&secret);
    assert_eq!(api.get("/api/v1/users").await.status, StatusCode::OK);
    let answer = api.post("/api/v1/activities", &serde_json::json!({"result_id": 1, "prospect_id": 1})).await;
    answer.assert_problem(StatusCode::FORBIDDEN, "insufficient_scope");
    assert!(answer.body["detail"].as_str().is_some_and(|d| d.contains("activities:write")), "{:#}", answer.body);
    api.get("/api/v1/objectives").await.assert_problem(StatusCode::FORBIDDEN, "insufficient_scope");
    api.get("/api/v1/activities").await.assert_problem(StatusCode::FORBIDDEN, "insufficient_scope");
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn a_token_never_reaches_another_account() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_reps(1).build();
    let globex = app.create_account("Globex", "admin@globex.example");
    let globex_rep = app.create_user("Globex", "gina@globex.example", "Gina", Role::Rep);
    let prospect = app.prospect_of(&globex_rep, "Initech");
    let (_, result) = app.outcome_id(&globex_rep, "Call", "Reached");
    app.log_as(&globex_rep, &prospect, "Call", "Reached", "2026-11-02T10:00");
    let activity =
        sales_objectives::store::activities::page_after(&mut app.conn(), globex.account_id, &Default::default(), 0, 1)
            .expect("read")[0]
            .id;
    let secret = app.api_token(&acme.admin, "Acme sync", &["activities:write", "users:read", "results:read"]).await;
    let api = app.api(&secret);
    api.get(&format!("/api/v1/activities/{activity}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    api.delete(&format!("/api/v1/activities/{activity}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    api.get(&format!("/api/v1/users/{}", globex_rep.id)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let listed = api.get("/api/v1/activities").await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(0), "{:#}", listed.body);
    let prospect_id: i64 = prospect.trim_start_matches("prospect:").parse().expect("an id");
    let sent = serde_json::json!({"result_id": result.parse::<i64>().expect("id"), "prospect_id": prospect_id});
    let answer = api.post("/api/v1/activities", &sent).await;
    answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let logged_by = serde_json::json!({"user_id": globex_rep.id.0, "result_id": 1, "prospect_id": 1});
    let answer = api.post("/api/v1/activities", &logged_by).await;
    assert!(answer.fields().contains(&"user_id".to_owned()), "{:#}", answer.body);
    assert_eq!(app.count("activities"), 1, "only Globex's own");
}

#[tokio::test]
async fn a_token_over_its_rate_waits_as_retry_after_says() {
    let app = TestApp::spawn_with(Options { api_rate_limit: Some(2), ..Options::default() }).await;
    let acme = app.acme().build();
    let secret = app.api_token(&acme.admin, "Burst", &["users:read"]).await;
    let api = app.api(&secret);
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(api.get("/api/v1/users").await);
    }
    let limited = statuses.iter().find(|a| a.status == StatusCode::TOO_MANY_REQUESTS).expect("one is limited");
    limited.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let wait: u64 = limited.headers["retry-after"].to_str().expect("text").parse().expect("seconds");
    assert!((1..=2).contains(&wait), "{wait}");
    // Another token of the account has its own rate.
    let other = app.api_token(&acme.admin, "Other", &["users:read"]).await;
    assert_eq!(app.api(&other).get("/api/v1/users").await.status, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(api.get("/api/v1/users").await.status, StatusCode::OK, "in rate again");
}
