use reqwest::StatusCode;
use sales_objectives::domain::role::Role;
use sales_objectives::store::users::UserRow;

use crate::helpers::{Options, PASSWORD, TestApp, location, texts};

async fn acme_admin(app: &TestApp) -> UserRow {
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    admin
}

fn licences(app: &TestApp, user: &UserRow) -> (String, i32) {
    let account = app.account_of(user);
    (account.edition.as_str().to_owned(), account.licences)
}

async fn audit(app: &TestApp) -> Vec<String> {
    texts(&app.get("/admin/audit").await.text().await.expect("body"), "table.audit tbody tr td:nth-child(3)")
}

#[tokio::test]
async fn an_admin_changes_edition_and_licences_and_the_audit_log_says_so() {
    let app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    let response = app.submit("/admin/licences", &[("edition", "sales_essentials"), ("licences", "12")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(licences(&app, &admin), ("sales_essentials".into(), 12));
    let log = app.get("/admin/audit").await.text().await.expect("body");
    let rows = texts(&log, "table.audit tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.contains("edition changed") && r.contains("Dream Team") && r.contains("Sales Essentials")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.contains("licences changed") && r.contains("10") && r.contains("12")));
}

#[tokio::test]
async fn fewer_licences_than_active_users_or_more_than_three_on_solopreneur_are_refused() {
    let app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    app.create_user("Acme", "a@acme.example", "A", Role::Rep);
    app.create_user("Acme", "b@acme.example", "B", Role::Rep);
    for (edition, count, message) in [
        ("dream_team", "2", "3 users are active: deactivate some before lowering the licences to 2."),
        ("solopreneur", "4", "Solopreneur allows at most 3 licences."),
        ("dream_team", "lots", "The number of licences is a whole number, such as 10."),
    ] {
        let response = app.submit("/admin/licences", &[("edition", edition), ("licences", count)]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert_eq!(texts(&response.text().await.expect("body"), "#licences-error"), [message]);
    }
    assert_eq!(licences(&app, &admin), ("dream_team".into(), 10));
}

#[tokio::test]
async fn a_deactivated_users_session_ends_and_reactivation_needs_a_free_licence() {
    let mut app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    let rep_browser = app.another_browser();
    rep_browser.login_as(&rep).await;
    assert_eq!(rep_browser.get("/me/objectives").await.status(), StatusCode::OK);

    assert_eq!(app.submit(&format!("/admin/users/{}/deactivate", rep.id), &[]).await.status(), StatusCode::SEE_OTHER);

    let next = rep_browser.get("/me/objectives").await;
    assert_eq!((next.status(), location(&next)), (StatusCode::SEE_OTHER, "/login?next=%2Fme%2Fobjectives"));
    assert_eq!(rep_browser.login("rep@acme.example", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);

    // Fill every licence, then try to bring Rita back.
    app.submit("/admin/licences", &[("edition", "dream_team"), ("licences", "1")]).await;
    let refused = app.submit(&format!("/admin/users/{}/activate", rep.id), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&refused.text().await.expect("body"), "[role=alert]")[0].contains("All 1 licences are in use"));
    app.submit("/admin/licences", &[("edition", "dream_team"), ("licences", "2")]).await;
    assert_eq!(app.submit(&format!("/admin/users/{}/activate", rep.id), &[]).await.status(), StatusCode::SEE_OTHER);
    app.new_browser();
    app.login_as(&rep).await;
    let log = audit(&app).await;
    assert!(log.is_empty(), "a rep cannot read the audit log: {log:?}");
    let _ = admin;
}

#[tokio::test]
async fn users_are_created_with_a_password_or_a_one_time_link() {
    let mut app = TestApp::spawn().await;
    acme_admin(&app).await;
    let created = app
        .submit(
            "/admin/users",
            &[
                ("name", "Nina New"),
                ("email", "nina@acme.example"),
                ("role", "manager"),
                ("password", "nina's password"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    // The next user keeps the role just chosen; a fresh form starts with a rep.
    assert_eq!(location(&created), "/admin/users?role=manager");
    let chosen = |html: &str| texts(html, "#new-role option[selected]");
    assert_eq!(chosen(&app.get(location(&created)).await.text().await.expect("body")), ["Manager"]);
    assert_eq!(chosen(&app.get("/admin/users").await.text().await.expect("body")), ["Rep"]);
    assert_eq!(chosen(&app.get("/admin/users?role=nonsense").await.text().await.expect("body")), ["Rep"]);
    let duplicate = app
        .submit(
            "/admin/users",
            &[("name", "Nina Two"), ("email", "NINA@acme.example"), ("role", "rep"), ("password", "another one")],
        )
        .await;
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let with_link = app
        .submit(
            "/admin/users",
            &[("name", "Leo Link"), ("email", "leo@acme.example"), ("role", "manager"), ("link", "1")],
        )
        .await;
    assert_eq!(with_link.status(), StatusCode::OK);
    let page = with_link.text().await.expect("body");
    assert_eq!(chosen(&page), ["Manager"]);
    // The whole link, ready to send, on the address the admin reached.
    let full = texts(&page, "code.link")[0].clone();
    let link = full.strip_prefix(&app.address).expect("a full link").to_owned();
    assert!(link.starts_with("/set-password?token="), "{full}");
    assert_eq!(texts(&page, "button[data-copy=set-password-link]"), ["Copy link"]);

    app.new_browser();
    let form = app.get(&link).await;
    assert_eq!(form.status(), StatusCode::OK);
    let token = app.csrf_token(&link).await;
    let token_field = link.trim_start_matches("/set-password?token=");
    let set = app
        .post_form(
            "/set-password",
            &[("token", token_field), ("password", "leo's own password"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.login("leo@acme.example", "leo's own password").await.status(), StatusCode::SEE_OTHER);
    app.new_browser();
    assert_eq!(app.get(&link).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "a link works once");
}

#[tokio::test]
async fn a_set_password_link_starts_with_the_base_url_when_one_is_set() {
    let app =
        TestApp::spawn_with(Options { base_url: Some("https://objectives.example.com"), ..Options::default() }).await;
    acme_admin(&app).await;
    let fields = [("name", "Leo Link"), ("email", "leo@acme.example"), ("role", "rep"), ("link", "1")];
    let page = app.submit("/admin/users", &fields).await.text().await.expect("body");
    let link = texts(&page, "code.link")[0].clone();
    assert!(link.starts_with("https://objectives.example.com/set-password?token="), "{link}");
}

#[tokio::test]
async fn the_last_admin_keeps_their_role_and_their_licence() {
    let app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    let demoted = app.submit(&format!("/admin/users/{}/role", admin.id), &[("role", "manager")]).await;
    assert_eq!(demoted.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let deactivated = app.submit(&format!("/admin/users/{}/deactivate", admin.id), &[]).await;
    assert_eq!(deactivated.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&deactivated.text().await.expect("body"), "[role=alert]")[0].contains("needs an active admin"));
}

#[tokio::test]
async fn a_role_change_is_applied_and_audited() {
    let app = TestApp::spawn().await;
    acme_admin(&app).await;
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    assert_eq!(
        app.submit(&format!("/admin/users/{}/role", rep.id), &[("role", "manager")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        sales_objectives::store::users::find(&mut app.conn(), rep.id).expect("q").expect("user").role,
        Role::Manager
    );
    assert!(audit(&app).await.contains(&"role changed".to_owned()));
    app.submit(&format!("/admin/users/{}/deactivate", rep.id), &[]).await;
    app.submit(&format!("/admin/users/{}/activate", rep.id), &[]).await;
    let log = audit(&app).await;
    assert!(log.contains(&"user deactivated".to_owned()) && log.contains(&"user reactivated".to_owned()), "{log:?}");
}

#[tokio::test]
async fn a_licence_is_transferred_in_one_step() {
    let app = TestApp::spawn().await;
    acme_admin(&app).await;
    let leaving = app.create_user("Acme", "leaving@acme.example", "Lea Leaving", Role::Rep);
    app.submit("/admin/licences", &[("edition", "dream_team"), ("licences", "2")]).await;

    let response = app
        .submit(
            "/admin/users/transfer",
            &[
                ("from", &leaving.id.to_string()),
                ("to", ""),
                ("name", "Ned Newcomer"),
                ("email", "ned@acme.example"),
                ("role", "rep"),
                ("password", "ned's password"),
            ],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let users = sales_objectives::store::users::list(&mut app.conn(), leaving.account_id).expect("users");
    let active: Vec<&str> = users.iter().filter(|u| u.active).map(|u| u.name.as_str()).collect();
    assert_eq!(active, ["Admin Person", "Ned Newcomer"]);
}

#[tokio::test]
async fn teams_are_created_filled_managed_and_deleted() {
    let app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    assert_eq!(app.submit("/admin/teams", &[("name", "Nord")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.submit("/admin/teams", &[("name", "Nord")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let team = sales_objectives::store::teams::find_by_name(&mut app.conn(), admin.account_id, "Nord")
        .expect("q")
        .expect("team")
        .id;
    app.submit(&format!("/admin/teams/{team}/add-member"), &[("user_id", &rep.id.to_string())]).await;
    app.submit(&format!("/admin/teams/{team}/members/{}/manager", rep.id), &[]).await;
    let page = app.get("/admin/teams").await.text().await.expect("body");
    assert!(texts(&page, ".holders li")[0].contains("Rita Rep Team manager"));
    assert_eq!(app.submit(&format!("/admin/teams/{team}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("teams"), 0);
    assert_eq!(app.count("users"), 2, "people stay");
}

#[tokio::test]
async fn a_rep_or_manager_gets_403_on_every_admin_route() {
    let mut app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    for role in [Role::Rep, Role::Manager] {
        let user = app.create_user("Acme", &format!("{}@acme.example", role.as_str()), "Someone", role);
        app.new_browser();
        app.login_as(&user).await;
        for path in ["/admin/licences", "/admin/users", "/admin/teams", "/admin/audit"] {
            assert_eq!(app.get(path).await.status(), StatusCode::FORBIDDEN, "{role:?} GET {path}");
        }
        for path in [
            "/admin/licences".to_owned(),
            "/admin/users".to_owned(),
            "/admin/users/transfer".to_owned(),
            format!("/admin/users/{}/deactivate", admin.id),
            format!("/admin/users/{}/role", user.id),
            "/admin/teams".to_owned(),
        ] {
            let response = app.submit(&path, &[("role", "admin"), ("edition", "solopreneur"), ("licences", "1")]).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role:?} POST {path}");
        }
    }
    assert_eq!(app.account_of(&admin).licences, 10);
}

#[tokio::test]
async fn another_accounts_user_ids_answer_404() {
    let mut app = TestApp::spawn().await;
    let stranger = app.create_account("Globex", "admin@globex.example");
    app.new_browser();
    acme_admin(&app).await;
    for op in ["deactivate", "activate", "role"] {
        let response = app.submit(&format!("/admin/users/{}/{op}", stranger.id), &[("role", "rep")]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{op}");
    }
    assert!(sales_objectives::store::users::find(&mut app.conn(), stranger.id).expect("q").expect("user").active);
}

#[tokio::test]
async fn my_account_changes_name_and_password_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    let other = app.another_browser();
    other.login_as(&admin).await;

    let wrong = app
        .submit(
            "/me/account",
            &[("name", "Ada Admin"), ("current_password", "nope"), ("new_password", "a new password")],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&wrong.text().await.expect("body"), "#current_password-error"),
        ["Your current password is not this one."]
    );

    let saved = app
        .submit(
            "/me/account",
            &[
                ("name", "Ada Admin"),
                ("locale", "it"),
                ("current_password", PASSWORD),
                ("new_password", "a new password"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/me/account").await.status(), StatusCode::OK, "this session carries on");
    assert!(texts(&app.get("/").await.text().await.expect("body"), ".who-name").contains(&"Ada Admin".to_owned()));
    assert_eq!(other.get("/").await.status(), StatusCode::SEE_OTHER, "the other session ended");
}

#[tokio::test]
async fn objective_and_target_changes_are_audited() {
    let app = TestApp::spawn().await;
    let admin = acme_admin(&app).await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");
    let fields = [
        ("name", "Calls"),
        ("kind", "activity"),
        ("action_id", &call),
        ("outcome_ids", &reached),
        ("context", "both"),
        ("period_1", "day"),
        ("target_1", "5"),
    ];
    let created = app.submit("/control-panel/sales-objectives", &fields).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let log = audit(&app).await;
    assert!(log.contains(&"objective created".to_owned()) && log.contains(&"target set".to_owned()), "{log:?}");
}
