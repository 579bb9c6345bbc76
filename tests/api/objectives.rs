use reqwest::StatusCode;
use sales_objectives::domain::account::Locale;
use sales_objectives::domain::role::Role;
use sales_objectives::store::users::UserRow;

use crate::helpers::{Acme, TestApp, location, texts};

const EDITOR: &str = "/control-panel/sales-objectives";

type Fields = Vec<(String, String)>;

/// Acme with Mara Manager, signed in, and two reps: Rita and Remo.
async fn manager_of_acme(app: &TestApp) -> Acme {
    let acme = app.acme().with_manager().with_reps(2).build();
    app.login_as(acme.manager()).await;
    acme
}

/// A valid activity objective: calls reached, 10 a day.
fn calls(app: &TestApp, user: &UserRow, name: &str) -> Vec<(String, String)> {
    let (call, reached) = app.outcome_id(user, "Call", "Reached");
    [("name", name), ("kind", "activity"), ("action_id", &call), ("outcome_ids", &reached), ("context", "both")]
        .into_iter()
        .chain([("pipeline_id", ""), ("period_1", "day"), ("target_1", "10")])
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

async fn post(app: &TestApp, path: &str, fields: &[(String, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.submit(path, &fields).await
}

/// `fields` with `name` set to `value` (added when absent).
fn with(fields: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = fields.iter().filter(|(k, _)| k != name).cloned().collect();
    fields.push((name.to_owned(), value.to_owned()));
    fields
}

async fn create(app: &TestApp, fields: &[(String, String)]) -> String {
    let response = post(app, EDITOR, fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{:?}", response.text().await);
    location(&response).trim_start_matches(&format!("{EDITOR}/")).to_owned()
}

#[tokio::test]
async fn a_manager_creates_an_activity_objective_and_lands_on_its_page() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();

    let id = create(&app, &calls(&app, manager, "Calls reached")).await;

    let page = app.get(&format!("{EDITOR}/{id}")).await.text().await.expect("body");
    assert!(page.contains("Call: Reached — Prospects and leads"));
    let list = app.get(EDITOR).await.text().await.expect("body");
    assert_eq!(texts(&list, "tbody td:first-child"), ["Calls reached"]);
    assert!(list.contains("Day: 10"));
}

#[tokio::test]
async fn the_form_shows_the_chosen_actions_results_as_checkboxes() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    let (meeting, held) = app.outcome_id(manager, "Meeting", "Held");

    let page = app.get(&format!("{EDITOR}/new?kind=activity&action_id={meeting}")).await.text().await.expect("body");

    let labels = texts(&page, "#outcome-choices label.checkbox:not(.all)");
    assert_eq!(labels, ["Held", "Cancelled", "No show"]);
    assert!(page.contains(&format!(r#"name="outcome_ids" value="{held}""#)));
    assert!(page.contains(r#"name="all_outcomes""#));
}

#[tokio::test]
async fn a_sales_objective_with_two_period_targets_is_saved() {
    let app = TestApp::spawn().await;
    manager_of_acme(&app).await;
    let fields: Vec<(String, String)> = [
        ("name", "Revenue"),
        ("kind", "sales"),
        ("metric", "revenue"),
        ("period_1", "year"),
        ("target_1", "50000"),
        ("period_2", "quarter"),
        ("target_2", "15000.50"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    create(&app, &fields).await;
    let list = app.get(EDITOR).await.text().await.expect("body");
    assert!(list.contains("Year: €50,000.00 · Quarter: €15,000.50"), "{list}");
}

#[tokio::test]
async fn an_italian_reader_types_and_reads_targets_the_italian_way() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let admin = &acme.admin;
    app.execute(&format!("UPDATE accounts SET locale = 'it' WHERE id = {}", admin.account_id));
    let fields: Vec<(String, String)> = [
        ("name", "Fatturato"),
        ("kind", "sales"),
        ("metric", "revenue"),
        ("period_1", "year"),
        ("target_1", "50.000"),
        ("period_2", "quarter"),
        ("target_2", "15000,50"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let id = create(&app, &fields).await;

    let list = app.get(EDITOR).await.text().await.expect("body");
    assert_eq!(texts(&list, "h1"), ["Obiettivi di vendita"]);
    assert_eq!(texts(&list, "tbody td:nth-child(2)"), ["Basato sulla vendita"]);
    let targets = texts(&list, "tbody td:nth-child(5)");
    assert!(targets[0].starts_with("Anno: ") && targets[0].contains("50.000,00"), "{targets:?}");
    assert!(targets[0].contains("Trimestre: ") && targets[0].contains("15.000,50"), "{targets:?}");
    let form = app.get(&format!("{EDITOR}/{id}/edit")).await.text().await.expect("body");
    assert!(form.contains(r#"value="15.000,50""#), "the form gives back the Italian way: {form}");
    let page = app.get(&format!("{EDITOR}/{id}")).await.text().await.expect("body");
    assert_eq!(texts(&page, "h2")[1], "Storico dei target");
    let today = app.account_of(admin).calendar().local_date(chrono::Utc::now());
    let rows = texts(&page, "table tbody tr");
    assert!(rows[0].contains(&sales_objectives::i18n::date(Locale::It, today)), "{rows:?}");

    let refused = post(&app, EDITOR, &with(&fields, "target_1", "0")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert_eq!(texts(&html, "#name-error"), ["Esiste già un obiettivo chiamato Fatturato."]);
}

#[tokio::test]
async fn every_invalid_form_comes_back_with_its_message_and_writes_nothing() {
    let mut app = TestApp::spawn().await;
    let other = app.create_account("Globex", "admin@globex.example");
    let (their_call, their_reached) = app.outcome_id(&other, "Call", "Reached");
    let their_pipeline = app.pipeline_id(&other, "Sales");
    app.new_browser();
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    create(&app, &calls(&app, manager, "Taken")).await;
    let valid = calls(&app, manager, "Calls");
    let (_, email_sent) = app.outcome_id(manager, "Email", "Sent");
    let cases: Vec<(Fields, &str, &str)> = vec![
        (with(&valid, "name", " "), "#name-error", "Enter a name."),
        (with(&valid, "name", "Taken"), "#name-error", "An objective named Taken already exists."),
        (
            with(&with(&valid, "period_2", "week"), "target_2", "50")
                .into_iter()
                .chain(with(&[], "period_3", "month"))
                .chain(with(&[], "target_3", "100"))
                .collect(),
            "#period_3-error",
            "An objective has at most two period targets.",
        ),
        (
            with(&with(&valid, "period_2", "day"), "target_2", "5"),
            "#period_2-error",
            "The two targets need different periods.",
        ),
        (with(&valid, "target_1", "0"), "#target_1-error", "The target must be more than zero."),
        (with(&valid, "target_1", "2.5"), "#target_1-error", "The target is a whole number of times, such as 10."),
        (with(&valid, "action_id", ""), "#action_id-error", "Choose an action."),
        (
            with(&valid, "outcome_ids", ""),
            "#outcome-choices .field-error",
            "Choose at least one result, or the whole action.",
        ),
        (with(&valid, "outcome_ids", &email_sent), "#outcome-choices .field-error", "Choose results of Call only."),
        (
            with(&valid, "pipeline_id", &their_pipeline),
            "#pipeline_id-error",
            "Choose one of the account's pipelines, or all of them.",
        ),
        (
            with(&with(&valid, "action_id", &their_call), "outcome_ids", &their_reached),
            "#action_id-error",
            "Choose one of the account's actions.",
        ),
    ];
    for (fields, selector, message) in cases {
        let response = post(&app, EDITOR, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        let html = response.text().await.expect("body");
        assert_eq!(texts(&html, selector), [message]);
        let name = fields.iter().find(|(k, _)| k == "name").map(|(_, v)| v.trim()).unwrap_or_default();
        if !name.is_empty() {
            assert!(html.contains(&format!(r#"value="{name}""#)), "the name is kept: {message}");
        }
    }
    assert_eq!(app.count("objectives"), 1, "only the first, valid one");
    assert_eq!(app.count("objective_targets"), 1);
}

#[tokio::test]
async fn revenue_targets_take_at_most_two_decimals() {
    let app = TestApp::spawn().await;
    manager_of_acme(&app).await;
    let fields: Vec<(String, String)> =
        [("name", "Revenue"), ("kind", "sales"), ("metric", "revenue"), ("period_1", "year"), ("target_1", "100.125")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
    let response = post(&app, EDITOR, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&response.text().await.expect("body"), "#target_1-error"),
        ["The amount has at most two decimals."]
    );
}

#[tokio::test]
async fn ticking_every_result_or_select_all_means_the_whole_action() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    let (email, sent) = app.outcome_id(manager, "Email", "Sent");
    let (_, replied) = app.outcome_id(manager, "Email", "Replied");
    let mut fields = calls(&app, manager, "E-mails");
    fields.retain(|(k, _)| k != "action_id" && k != "outcome_ids");
    fields.extend([("action_id".into(), email.clone()), ("outcome_ids".into(), sent), ("outcome_ids".into(), replied)]);
    let id = create(&app, &fields).await;
    let page = app.get(&format!("{EDITOR}/{id}")).await.text().await.expect("body");
    assert!(page.contains("Email: all results"));
}

#[tokio::test]
async fn a_changed_target_applies_from_the_current_period_and_earlier_periods_keep_theirs() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    let id = create(&app, &calls(&app, manager, "Calls")).await;
    // The objective has existed since 2026-01-01 with its first target.
    app.execute(&format!("UPDATE objective_targets SET effective_from = '2026-01-01' WHERE objective_id = {id}"));

    let response = post(&app, &format!("{EDITOR}/{id}"), &with(&calls(&app, manager, "Calls"), "target_1", "12")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let today = app.account_of(manager).calendar().local_date(chrono::Utc::now());
    let today = sales_objectives::i18n::date(Locale::En, today);
    let page = app.get(&format!("{EDITOR}/{id}")).await.text().await.expect("body");
    let rows = texts(&page, "table tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains("Thu 1 Jan 2026") && rows[0].contains("10"), "{rows:?}");
    assert!(rows[1].contains(&today) && rows[1].contains("12"));
    // Saving again without a change records nothing new.
    post(&app, &format!("{EDITOR}/{id}"), &with(&calls(&app, manager, "Calls"), "target_1", "12")).await;
    assert_eq!(app.count("objective_targets"), 2);
}

#[tokio::test]
async fn assigning_twice_is_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let (manager, rita, remo) = (acme.manager(), &acme.reps[0], &acme.reps[1]);
    let id = create(&app, &calls(&app, manager, "Calls")).await;
    let assign = |users: Vec<String>| {
        let fields: Vec<(String, String)> = users.into_iter().map(|u| ("user_ids".to_owned(), u)).collect();
        let path = format!("{EDITOR}/{id}/assignments");
        let app = &app;
        async move { post(app, &path, &fields).await }
    };

    assert_eq!(assign(vec![rita.id.to_string()]).await.status(), StatusCode::SEE_OTHER);
    let refused = assign(vec![remo.id.to_string(), rita.id.to_string()]).await;

    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert_eq!(
        texts(&html, "#assignments [role=alert]"),
        ["Rita Rep already holds this objective: nothing was assigned."]
    );
    assert_eq!(app.count("assignments"), 1);
    assert!(app.execute_fails(&format!(
        "INSERT INTO assignments (account_id, objective_id, user_id, created_at) VALUES ({}, {id}, {}, '2026-01-01 00:00:00')",
        rita.account_id, rita.id
    )), "the database refuses a duplicate too");
}

#[tokio::test]
async fn more_than_five_objectives_warn_but_are_allowed() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let (manager, rita) = (acme.manager(), &acme.reps[0]);
    let mut last = String::new();
    for n in 0..6 {
        last = create(&app, &calls(&app, manager, &format!("Calls {n}"))).await;
        let response =
            post(&app, &format!("{EDITOR}/{last}/assignments"), &[("user_ids".into(), rita.id.to_string())]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let page = app.get(&format!("{EDITOR}/{last}")).await.text().await.expect("body");
    let warning = texts(&page, ".alert-warning");
    assert_eq!(warning.len(), 1);
    assert!(
        warning[0].contains("Too many objectives demotivate") && warning[0].contains("Rita Rep holds 6 objectives")
    );
    assert_eq!(app.count("assignments"), 6);
}

#[tokio::test]
async fn only_active_users_of_the_account_can_be_assigned() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    let gone = app.create_user("Acme", "gone@acme.example", "Gone Rep", Role::Rep);
    app.execute(&format!("UPDATE users SET active = FALSE WHERE id = {}", gone.id));
    let stranger = app.create_account("Globex", "admin@globex.example");
    let id = create(&app, &calls(&app, manager, "Calls")).await;
    for user in [gone.id, stranger.id] {
        let response =
            post(&app, &format!("{EDITOR}/{id}/assignments"), &[("user_ids".into(), user.to_string())]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(app.count("assignments"), 0);
}

#[tokio::test]
async fn a_whole_team_is_assigned_at_once_and_one_assignment_removed() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let (admin, manager, rita, remo) = (&acme.admin, acme.manager(), &acme.reps[0], &acme.reps[1]);
    let team = {
        use sales_objectives::store::teams::{self, NewMembership, NewTeam};
        let mut conn = app.conn();
        let team = teams::insert(
            &mut conn,
            &NewTeam { account_id: admin.account_id, name: "Nord", created_at: chrono::Utc::now().naive_utc() },
        )
        .expect("team");
        for (user, is_manager) in [(&rita, false), (&remo, false), (&manager, true)] {
            teams::add_member(
                &mut conn,
                &NewMembership { account_id: admin.account_id, team_id: team.id, user_id: user.id, is_manager },
                chrono::Utc::now().naive_utc(),
            )
            .expect("member");
        }
        team.id
    };
    let id = create(&app, &calls(&app, manager, "Calls")).await;

    let response = post(&app, &format!("{EDITOR}/{id}/assignments"), &[("team_id".into(), team.to_string())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("assignments"), 2, "its reps, not the manager who leads it");
    let fields = [("team_id".into(), team.to_string()), ("include_managers".into(), "on".into())];
    assert_eq!(post(&app, &format!("{EDITOR}/{id}/assignments"), &fields).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("assignments"), 3, "its manager too, when asked");
    app.submit(&format!("{EDITOR}/{id}/assignments/{}/delete", manager.id), &[]).await;

    let removed = app.submit(&format!("{EDITOR}/{id}/assignments/{}/delete", remo.id), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let page = app.get(&format!("{EDITOR}/{id}")).await.text().await.expect("body");
    assert_eq!(texts(&page, ".holders li > span:first-child"), ["Rita Rep"]);
}

#[tokio::test]
async fn an_archived_objective_leaves_the_list_keeps_its_history_and_comes_back() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let (manager, rita) = (acme.manager(), &acme.reps[0]);
    let id = create(&app, &calls(&app, manager, "Calls")).await;
    post(&app, &format!("{EDITOR}/{id}/assignments"), &[("user_ids".into(), rita.id.to_string())]).await;

    assert_eq!(app.submit(&format!("{EDITOR}/{id}/archive"), &[]).await.status(), StatusCode::SEE_OTHER);

    assert!(texts(&app.get(EDITOR).await.text().await.expect("body"), "tbody td:first-child").is_empty());
    assert_eq!(
        texts(&app.get(&format!("{EDITOR}?archived=1")).await.text().await.expect("body"), "tbody td:first-child"),
        ["Calls"]
    );
    let refused =
        post(&app, &format!("{EDITOR}/{id}/assignments"), &[("user_ids".into(), manager.id.to_string())]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((app.count("assignments"), app.count("objective_targets")), (1, 1));

    assert_eq!(app.submit(&format!("{EDITOR}/{id}/restore"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(texts(&app.get(EDITOR).await.text().await.expect("body"), "tbody td:first-child"), ["Calls"]);
}

#[tokio::test]
async fn outside_dream_team_every_editor_page_explains_the_edition_needed_and_nothing_is_lost() {
    let app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let (admin, manager) = (&acme.admin, acme.manager());
    let id = create(&app, &calls(&app, manager, "Calls")).await;
    app.execute(&format!("UPDATE accounts SET edition = 'sales_essentials' WHERE id = {}", admin.account_id));

    for path in [EDITOR.to_owned(), format!("{EDITOR}/new"), format!("{EDITOR}/{id}"), format!("{EDITOR}/{id}/edit")] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), StatusCode::PAYMENT_REQUIRED, "{path}");
        let html = response.text().await.expect("body");
        assert_eq!(texts(&html, "h1"), ["Sales Objectives need the Dream Team edition"]);
    }
    assert_eq!(post(&app, EDITOR, &calls(&app, manager, "More")).await.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(app.count("objectives"), 1);

    app.execute(&format!("UPDATE accounts SET edition = 'dream_team' WHERE id = {}", admin.account_id));
    assert_eq!(texts(&app.get(EDITOR).await.text().await.expect("body"), "tbody td:first-child"), ["Calls"]);
}

#[tokio::test]
async fn a_rep_gets_403_on_every_editor_route() {
    let mut app = TestApp::spawn().await;
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    let id = create(&app, &calls(&app, manager, "Calls")).await;
    let rep = acme.reps[0].clone();
    app.new_browser();
    app.login_as(&rep).await;
    for path in [EDITOR.to_owned(), format!("{EDITOR}/new"), format!("{EDITOR}/{id}"), format!("{EDITOR}/{id}/edit")] {
        assert_eq!(app.get(&path).await.status(), StatusCode::FORBIDDEN, "GET {path}");
    }
    for path in [
        EDITOR.to_owned(),
        format!("{EDITOR}/{id}"),
        format!("{EDITOR}/{id}/archive"),
        format!("{EDITOR}/{id}/restore"),
        format!("{EDITOR}/{id}/assignments"),
        format!("{EDITOR}/{id}/assignments/{}/delete", rep.id),
    ] {
        let response = post(&app, &path, &calls(&app, &rep, "Mine")).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "POST {path}");
    }
}

#[tokio::test]
async fn another_accounts_objective_answers_404() {
    let mut app = TestApp::spawn().await;
    let other = app.create_account("Globex", "admin@globex.example");
    app.login_as(&other).await;
    let theirs = create(&app, &calls(&app, &other, "Their calls")).await;
    app.new_browser();
    let acme = manager_of_acme(&app).await;
    let manager = acme.manager();
    for path in [format!("{EDITOR}/{theirs}"), format!("{EDITOR}/{theirs}/edit")] {
        assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND, "GET {path}");
    }
    for path in
        [format!("{EDITOR}/{theirs}"), format!("{EDITOR}/{theirs}/archive"), format!("{EDITOR}/{theirs}/assignments")]
    {
        let fields = with(&calls(&app, manager, "Hijack"), "user_ids", &manager.id.to_string());
        assert_eq!(post(&app, &path, &fields).await.status(), StatusCode::NOT_FOUND, "POST {path}");
    }
    assert_eq!(app.count("assignments"), 0);
}

#[tokio::test]
async fn the_demo_account_opens_on_a_populated_editor() {
    let app = TestApp::spawn().await;
    app.load_demo();
    let response = app.login("marco.bianchi@demo-srl.example", "a good password").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let list = app.get(EDITOR).await.text().await.expect("body");
    assert_eq!(texts(&list, "tbody tr").len(), 5);
    assert!(texts(&list, "tbody td.num").iter().all(|n| n == "6"), "each assigned to the six reps");
    assert_eq!(app.differences(), 0);
}
