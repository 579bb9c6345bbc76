//! Real overlapping requests, on SQLite and on PostgreSQL. Each burst is prepared first, then
//! released at once through a barrier, so that the server meets the requests together.
//! After each: no answer is a 5xx, `verify` finds no bucket to correct, no accepted activity
//! is missing, and the account's invariants hold.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::{QueryableByName, RunQueryDsl};
use reqwest::{RequestBuilder, StatusCode, header};
use sales_objectives::domain::counting::CountingRule;
use sales_objectives::domain::ids::OutcomeId;
use sales_objectives::domain::objective::Context;
use sales_objectives::domain::role::Role;
use sales_objectives::store::buckets;
use sales_objectives::store::users::UserRow;
use tokio::sync::Barrier;

use crate::helpers::{Options, TestApp, input_value, texts};

/// A signed-in browser and the CSRF token of its session.
struct Browser {
    app: TestApp,
    token: String,
}

impl Browser {
    async fn of(app: &TestApp, user: &UserRow) -> Browser {
        let app = app.another_browser();
        app.login_as(user).await;
        let token = app.csrf_token("/").await;
        Browser { app, token }
    }

    /// A form post, ready to send.
    fn post(&self, path: &str, fields: &[(&str, &str)]) -> RequestBuilder {
        let mut fields = fields.to_vec();
        fields.push(("csrf_token", &self.token));
        self.app.client.post(self.app.url(path)).form(&fields)
    }
}

/// Sends every request at the same moment; their statuses, in order.
async fn at_once(requests: Vec<RequestBuilder>) -> Vec<StatusCode> {
    let barrier = Arc::new(Barrier::new(requests.len()));
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|request| {
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                request.send().await.expect("request sent").status()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("request finished"));
    }
    statuses
}

fn no_server_error(statuses: &[StatusCode]) {
    assert!(statuses.iter().all(|s| !s.is_server_error()), "a server error among {statuses:?}");
}

fn how_many(statuses: &[StatusCode], wanted: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == wanted).count()
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// The ids a query selects (as `id`).
fn ids(app: &TestApp, sql: &str) -> Vec<i64> {
    diesel::sql_query(sql).load::<Id>(&mut *app.conn()).expect("ids").into_iter().map(|row| row.id).collect()
}

/// An account with more licences than the default, for bursts of many reps.
fn roomy_account(app: &TestApp, name: &str, admin: &str) -> UserRow {
    let admin = app.create_account(name, admin);
    app.execute(&format!("UPDATE accounts SET licences = 40 WHERE id = {}", admin.account_id));
    admin
}

const ROUNDS: usize = 12;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_activity_deleted_twice_at_once_is_taken_off_once() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let rita = Browser::of(&app, &rep).await;
    let prospect = format!("prospect:{}", rita.app.new_prospect(&rep, "Bianchi").await);
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    for _ in 0..ROUNDS {
        let fields = [("subject", prospect.as_str()), ("action_id", &call), ("outcome_id", &reached)];
        let response = rita.post("/activities", &fields).send().await.expect("sent");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }

    for id in ids(&app, "SELECT id FROM activities ORDER BY id") {
        let path = format!("/activities/{id}/delete");
        let mut statuses = at_once(vec![rita.post(&path, &[]), rita.post(&path, &[])]).await;
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::NOT_FOUND], "activity {id}");
    }

    assert_eq!(app.count("activities"), 0);
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_deleted_activity_put_back_twice_at_once_counts_once() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let rita = Browser::of(&app, &rep).await;
    let prospect = format!("prospect:{}", rita.app.new_prospect(&rep, "Bianchi").await);
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    for _ in 0..ROUNDS {
        let fields = [("subject", prospect.as_str()), ("action_id", &call), ("outcome_id", &reached)];
        assert_eq!(rita.post("/activities", &fields).send().await.expect("sent").status(), StatusCode::SEE_OTHER);
    }
    for id in ids(&app, "SELECT id FROM activities ORDER BY id") {
        let deleted = rita.post(&format!("/activities/{id}/delete"), &[]).send().await.expect("sent");
        assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
        let path = format!("/activities/{id}/restore");
        let mut statuses = at_once(vec![rita.post(&path, &[]), rita.post(&path, &[])]).await;
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::NOT_FOUND], "activity {id}");
    }
    assert_eq!(app.count("activities"), ROUNDS as i64);
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lead_won_twice_at_once_from_its_page_is_won_once() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let rita = Browser::of(&app, &rep).await;
    for round in 0..ROUNDS {
        let title = format!("Cantina {round}");
        let lead = rita.app.new_lead(&rep, &title, "Sales", &[]).await;
        let page = rita.app.get(&format!("/leads/{lead}")).await.text().await.expect("body");
        let version = input_value(&page, "version").expect("version");
        let path = format!("/leads/{lead}/win");
        let statuses = at_once(vec![
            rita.post(&path, &[("amount", "100"), ("version", &version)]),
            rita.post(&path, &[("amount", "200"), ("version", &version)]),
        ])
        .await;
        no_server_error(&statuses);
        assert_eq!(how_many(&statuses, StatusCode::SEE_OTHER), 1, "{statuses:?}");
        assert_eq!(how_many(&statuses, StatusCode::CONFLICT), 1, "{statuses:?}");
    }
    let changes = ids(&app, "SELECT CAST(COUNT(*) AS BIGINT) AS id FROM lead_changes WHERE status = 'won'");
    assert_eq!(changes, [ROUNDS as i64], "one win recorded per lead");
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_managers_saving_one_won_lead_at_once_leave_exact_totals() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let mut managers = Vec::new();
    for n in 0..4 {
        let manager = app.create_user("Acme", &format!("m{n}@acme.example"), &format!("Manager {n}"), Role::Manager);
        managers.push(Browser::of(&app, &manager).await);
    }
    let rita = Browser::of(&app, &rep).await;
    let pipeline = app.pipeline_id(&rep, "Sales");
    let won = [("amount", "1000"), ("status", "won"), ("closed_at", "2026-11-10T10:00")];
    let lead = rita.app.new_lead(&rep, "Big deal", "Sales", &won).await;
    let path = format!("/leads/{lead}");

    for round in 0..ROUNDS {
        // Odd rounds send the version their form showed: one save wins, the others are told.
        let version = ids(&app, &format!("SELECT version AS id FROM leads WHERE id = {lead}"))[0].to_string();
        let version = if round % 2 == 1 { version } else { String::new() };
        let amount = format!("{}.50", 1000 + round);
        let saves: [&[(&str, &str)]; 4] = [
            &[("status", "won"), ("amount", &amount), ("closed_at", "2026-11-10T10:00")],
            &[("status", "todo"), ("amount", "")],
            &[("status", "won"), ("amount", "2500"), ("closed_at", "2026-11-20T09:30")],
            &[("status", "lost"), ("amount", "700")],
        ];
        let requests = managers
            .iter()
            .zip(saves)
            .map(|(manager, save)| {
                let mut fields = vec![("title", "Big deal"), ("pipeline_id", pipeline.as_str()), ("version", &version)];
                fields.extend_from_slice(save);
                manager.post(&path, &fields)
            })
            .collect();
        let statuses = at_once(requests).await;
        no_server_error(&statuses);
        if version.is_empty() {
            assert_eq!(how_many(&statuses, StatusCode::SEE_OTHER), 4, "{statuses:?}");
        } else {
            assert_eq!(how_many(&statuses, StatusCode::SEE_OTHER), 1, "{statuses:?}");
            assert_eq!(how_many(&statuses, StatusCode::CONFLICT), 3, "{statuses:?}");
        }
        assert_eq!(app.differences(), 0, "round {round}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_save_over_a_newer_version_shows_the_lead_as_it_is_now() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let rita = Browser::of(&app, &rep).await;
    let lead = rita.app.new_lead(&rep, "Big deal", "Sales", &[("amount", "1000")]).await;
    let form = rita.app.get(&format!("/leads/{lead}/edit")).await.text().await.expect("body");
    let version = input_value(&form, "version").expect("the form carries its version");
    let pipeline = app.pipeline_id(&rep, "Sales");
    let save = |amount: &'static str| {
        rita.post(
            &format!("/leads/{lead}"),
            &[("title", "Big deal"), ("pipeline_id", &pipeline), ("amount", amount), ("version", &version)],
        )
    };

    assert_eq!(save("1200").send().await.expect("sent").status(), StatusCode::SEE_OTHER);
    let stale = save("900").send().await.expect("sent");

    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let page = stale.text().await.expect("body");
    assert!(page.contains("Someone else changed this meanwhile"), "{page}");
    assert_eq!(input_value(&page, "amount").as_deref(), Some("1,200.00"), "the lead as it is now");
    let amounts = ids(&app, &format!("SELECT amount_cents AS id FROM leads WHERE id = {lead}"));
    assert_eq!(amounts, [120_000], "nothing of the stale save was written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lead_won_and_reopened_while_activities_are_logged_on_it_keeps_every_count() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let manager = app.create_user("Acme", "mara@acme.example", "Mara Manager", Role::Manager);
    let rita = Browser::of(&app, &rep).await;
    let mara = Browser::of(&app, &manager).await;
    let lead = rita.app.new_lead(&rep, "Big deal", "Sales", &[]).await;
    let pipeline = app.pipeline_id(&rep, "Sales");
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    let subject = format!("lead:{lead}");

    let mut accepted = 0;
    for round in 0..ROUNDS {
        let status = if round % 2 == 0 { "won" } else { "todo" };
        let mut requests = vec![mara.post(
            &format!("/leads/{lead}"),
            &[("title", "Big deal"), ("pipeline_id", &pipeline), ("status", status), ("amount", "640")],
        )];
        for _ in 0..6 {
            requests.push(
                rita.post("/activities", &[("subject", &subject), ("action_id", &call), ("outcome_id", &reached)]),
            );
        }
        let statuses = at_once(requests).await;
        no_server_error(&statuses);
        assert_eq!(statuses[0], StatusCode::SEE_OTHER);
        accepted += how_many(&statuses[1..], StatusCode::SEE_OTHER);
    }

    assert_eq!(accepted, ROUNDS * 6);
    assert_eq!(app.count("activities"), accepted as i64);
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_objective_redefined_while_sixteen_reps_log_keeps_exact_totals() {
    let app = TestApp::spawn().await;
    roomy_account(&app, "Acme", "admin@acme.example");
    let manager = app.create_user("Acme", "mara@acme.example", "Mara Manager", Role::Manager);
    let mara = Browser::of(&app, &manager).await;
    let (call, reached) = app.outcome_id(&manager, "Call", "Reached");
    let (_, voicemail) = app.outcome_id(&manager, "Call", "Voicemail");
    let mut reps = Vec::new();
    for n in 0..16 {
        let rep = app.create_user("Acme", &format!("rep{n}@acme.example"), &format!("Rep {n}"), Role::Rep);
        let browser = Browser::of(&app, &rep).await;
        let prospect = format!("prospect:{}", browser.app.new_prospect(&rep, "Bianchi").await);
        reps.push((browser, prospect));
    }
    let definition = |outcomes: &[&str], context: &str| {
        let mut fields = vec![("name", "Calls"), ("kind", "activity"), ("action_id", call.as_str())];
        fields.extend(outcomes.iter().map(|o| ("outcome_ids", *o)));
        fields.extend([("context", context), ("pipeline_id", ""), ("period_1", "week"), ("target_1", "40")]);
        fields.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect::<Vec<_>>()
    };
    let create: Vec<(String, String)> = definition(&[&reached], "both");
    let fields: Vec<(&str, &str)> = create.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = mara.post("/control-panel/sales-objectives", &fields).send().await.expect("sent");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let objective = ids(&app, "SELECT id FROM objectives")[0];

    let mut accepted = 0;
    for round in 0..6 {
        let redefined = match round % 3 {
            0 => definition(&[&reached, &voicemail], "both"),
            1 => definition(&[&voicemail], "prospects"),
            _ => definition(&[&reached], "leads"),
        };
        let fields: Vec<(&str, &str)> = redefined.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut requests = vec![mara.post(&format!("/control-panel/sales-objectives/{objective}"), &fields)];
        for (n, (rep, prospect)) in reps.iter().enumerate() {
            let outcome = if n % 2 == 0 { &reached } else { &voicemail };
            requests
                .push(rep.post("/activities", &[("subject", prospect), ("action_id", &call), ("outcome_id", outcome)]));
        }
        let statuses = at_once(requests).await;
        no_server_error(&statuses);
        assert_eq!(statuses[0], StatusCode::SEE_OTHER, "the objective was saved");
        accepted += how_many(&statuses[1..], StatusCode::SEE_OTHER);
        assert_eq!(app.differences(), 0, "round {round}");
    }

    assert_eq!(accepted, 6 * 16, "every activity was accepted");
    assert_eq!(app.count("activities"), accepted as i64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn assignments_added_and_ended_while_logging_hold_once_per_user() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let managers = [
        app.create_user("Acme", "mara@acme.example", "Mara Manager", Role::Manager),
        app.create_user("Acme", "milo@acme.example", "Milo Manager", Role::Manager),
    ];
    let mara = Browser::of(&app, &managers[0]).await;
    let milo = Browser::of(&app, &managers[1]).await;
    let rita = Browser::of(&app, &rep).await;
    let prospect = format!("prospect:{}", rita.app.new_prospect(&rep, "Bianchi").await);
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    let fields = [
        ("name", "Calls"),
        ("kind", "activity"),
        ("action_id", call.as_str()),
        ("outcome_ids", reached.as_str()),
        ("context", "both"),
        ("period_1", "day"),
        ("target_1", "5"),
    ];
    assert_eq!(
        mara.post("/control-panel/sales-objectives", &fields).send().await.expect("sent").status(),
        StatusCode::SEE_OTHER
    );
    let objective = ids(&app, "SELECT id FROM objectives")[0];
    let assign = format!("/control-panel/sales-objectives/{objective}/assignments");
    let user = rep.id.to_string();
    let unassign = format!("{assign}/{user}/delete");

    let mut accepted = 0;
    for round in 0..ROUNDS {
        let mut requests = if round % 2 == 0 {
            // Two managers assign the same rep at once: one assignment.
            vec![mara.post(&assign, &[("user_ids", &user)]), milo.post(&assign, &[("user_ids", &user)])]
        } else {
            vec![mara.post(&unassign, &[]), milo.post(&unassign, &[])]
        };
        for _ in 0..4 {
            requests.push(
                rita.post("/activities", &[("subject", &prospect), ("action_id", &call), ("outcome_id", &reached)]),
            );
        }
        let statuses = at_once(requests).await;
        no_server_error(&statuses);
        assert_eq!(how_many(&statuses[..2], StatusCode::SEE_OTHER), 1, "one of the two managers did it: {statuses:?}");
        let held = ids(&app, &format!("SELECT user_id AS id FROM assignments WHERE objective_id = {objective}"));
        assert_eq!(held.len(), if round % 2 == 0 { 1 } else { 0 }, "round {round}");
        accepted += how_many(&statuses[2..], StatusCode::SEE_OTHER);
    }

    assert_eq!(accepted, ROUNDS * 4);
    assert_eq!(app.count("activities"), accepted as i64);
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_admins_deactivating_each_other_at_once_leave_one_active_admin() {
    let app = TestApp::spawn().await;
    for round in 0..ROUNDS {
        let name = format!("Acme {round}");
        let ada = app.create_account(&name, &format!("ada{round}@acme.example"));
        let bea = app.create_user(&name, &format!("bea{round}@acme.example"), "Bea Admin", Role::Admin);
        let (ada_browser, bea_browser) = (Browser::of(&app, &ada).await, Browser::of(&app, &bea).await);

        let statuses = at_once(vec![
            ada_browser.post(&format!("/admin/users/{}/deactivate", bea.id), &[]),
            bea_browser.post(&format!("/admin/users/{}/deactivate", ada.id), &[]),
        ])
        .await;

        no_server_error(&statuses);
        let admins = ids(
            &app,
            &format!("SELECT id FROM users WHERE account_id = {} AND role = 'admin' AND active", ada.account_id),
        );
        assert_eq!(admins.len(), 1, "round {round}: {statuses:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reactivations_at_once_stop_at_the_licence_count() {
    let app = TestApp::spawn().await;
    let admin = roomy_account(&app, "Acme", "admin@acme.example");
    let mut asleep = Vec::new();
    for n in 0..10 {
        let user = app.create_user("Acme", &format!("rep{n}@acme.example"), &format!("Rep {n}"), Role::Rep);
        if n >= 6 {
            asleep.push(user.id);
        }
    }
    app.execute(&format!(
        "UPDATE users SET active = FALSE WHERE id IN ({})",
        asleep.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    ));
    // The admin and six reps hold 7 of 9 licences: 2 are free for the 4 asleep.
    app.execute(&format!("UPDATE accounts SET licences = 9 WHERE id = {}", admin.account_id));
    let mut admins = Vec::new();
    for _ in 0..asleep.len() {
        admins.push(Browser::of(&app, &admin).await);
    }

    let requests = asleep
        .iter()
        .zip(&admins)
        .map(|(id, browser)| browser.post(&format!("/admin/users/{id}/activate"), &[]))
        .collect();
    let statuses = at_once(requests).await;

    no_server_error(&statuses);
    assert_eq!(how_many(&statuses, StatusCode::SEE_OTHER), 2, "{statuses:?}");
    assert_eq!(how_many(&statuses, StatusCode::UNPROCESSABLE_ENTITY), 2, "{statuses:?}");
    let active = ids(&app, &format!("SELECT id FROM users WHERE account_id = {} AND active", admin.account_id));
    assert_eq!(active.len(), 9);
}

/// Holds the account's write lock from outside the server, as a long import from the
/// command line does, until `release`.
struct LockHolder {
    conn: sales_objectives::db::PooledConnection,
}

impl LockHolder {
    fn take(app: &TestApp, account: i64) -> LockHolder {
        let mut conn = app.conn();
        let sql = if app.on_postgres() {
            format!("BEGIN; SELECT pg_advisory_xact_lock({account});")
        } else {
            "BEGIN IMMEDIATE;".to_owned()
        };
        conn.batch_execute(&sql).expect("lock taken");
        LockHolder { conn }
    }

    fn release(mut self) {
        self.conn.batch_execute("ROLLBACK;").expect("lock released");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_write_that_meets_a_long_writer_is_told_the_account_is_busy_and_keeps_its_values() {
    let app = TestApp::spawn_with(Options { write_wait: Some(Duration::from_millis(300)), ..Options::default() }).await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let rita = Browser::of(&app, &rep).await;
    let prospect = format!("prospect:{}", rita.app.new_prospect(&rep, "Bianchi").await);
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    let fields =
        [("subject", prospect.as_str()), ("action_id", &call), ("outcome_id", &reached), ("note", "Asked for a quote")];

    let holder = LockHolder::take(&app, rep.account_id.0);
    let busy = rita.post("/activities", &fields).send().await.expect("sent");
    let htmx = rita.post("/activities", &fields).header("HX-Request", "true").send().await.expect("sent");
    holder.release();

    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(busy.headers().contains_key(header::RETRY_AFTER));
    let page = busy.text().await.expect("body");
    assert!(texts(&page, "[role=alert]").iter().any(|t| t.contains("The account is busy")), "{page}");
    assert!(page.contains("Asked for a quote"), "the typed values are kept");
    assert_eq!(htmx.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(htmx.headers().contains_key(header::RETRY_AFTER));
    assert_eq!(app.count("activities"), 0, "nothing was half-written");

    let again = rita.post("/activities", &fields).send().await.expect("sent");
    assert_eq!(again.status(), StatusCode::SEE_OTHER, "once the lock is free, the same values go through");
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reps_logging_during_a_long_web_import_succeed_or_are_told_to_wait() {
    let app = TestApp::spawn_with(Options { write_wait: Some(Duration::from_millis(200)), ..Options::default() }).await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let ada = Browser::of(&app, &admin).await;
    let rita = Browser::of(&app, &rep).await;
    let prospect = format!("prospect:{}", rita.app.new_prospect(&rep, "Bianchi").await);
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    const LINES: usize = 20_000;
    let mut file = String::from("user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n");
    for n in 0..LINES {
        file.push_str(&format!(
            "rita@acme.example,Call,Reached,prospect,Prospect {},,2026-10-{:02} 10:00\n",
            n % 50,
            1 + n % 28
        ));
    }
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(file.into_bytes()).file_name("activities.csv"));
    let import = ada
        .app
        .client
        .post(ada.app.url("/control-panel/import/activities"))
        .header("X-CSRF-Token", &ada.token)
        .multipart(form)
        .send();
    let import = tokio::spawn(import);

    let mut statuses = Vec::new();
    while !import.is_finished() {
        let fields = [("subject", prospect.as_str()), ("action_id", &call), ("outcome_id", &reached)];
        statuses.push(rita.post("/activities", &fields).send().await.expect("sent").status());
    }
    let imported = import.await.expect("import finished").expect("import answered");

    assert_eq!(imported.status(), StatusCode::OK);
    no_server_error(&statuses.iter().copied().filter(|s| *s != StatusCode::SERVICE_UNAVAILABLE).collect::<Vec<_>>());
    assert!(
        statuses.iter().all(|s| [StatusCode::SEE_OTHER, StatusCode::SERVICE_UNAVAILABLE].contains(s)),
        "{statuses:?}"
    );
    let accepted = how_many(&statuses, StatusCode::SEE_OTHER);
    assert_eq!(app.count("activities"), (LINES + accepted) as i64, "every accepted activity is there");
    assert_eq!(app.differences(), 0);
}

const CLIENTS: usize = 6;
const EACH: usize = 15;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_logging_over_http_loses_no_count() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let rep = app.create_user("Acme", &format!("rep{client}@acme.example"), &format!("Rep {client}"), Role::Rep);
        let browser = app.another_browser();
        tasks.push(tokio::spawn(async move {
            browser.login_as(&rep).await;
            let prospect = browser.new_prospect(&rep, "Shared name").await;
            let (call, reached) = browser.outcome_id(&rep, "Call", "Reached");
            let token = browser.csrf_token("/").await;
            for i in 0..EACH {
                let moment = format!("2026-11-{:02}T10:00", 1 + i % 28);
                let response = browser
                    .post_form(
                        "/activities",
                        &[
                            ("subject", &format!("prospect:{prospect}")),
                            ("action_id", &call),
                            ("outcome_id", &reached),
                            ("occurred_at", &moment),
                            ("csrf_token", &token),
                        ],
                    )
                    .await;
                assert_eq!(response.status(), StatusCode::SEE_OTHER);
            }
            (rep, reached)
        }));
    }
    let mut logged = 0;
    for task in tasks {
        let (rep, reached) = task.await.expect("client finished");
        let rule = CountingRule::new([OutcomeId(reached.parse().expect("id"))], Context::Prospects, None);
        let from = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
        let to = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid date");
        logged +=
            buckets::count_activities(&mut app.conn(), rep.account_id, &[rep.id], &rule, (from, to)).expect("count");
    }

    assert_eq!(logged, (CLIENTS * EACH) as i64);
    assert_eq!(app.count("activities"), (CLIENTS * EACH) as i64);
    assert_eq!(app.differences(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn targets_set_at_once_by_two_managers_leave_one_history_per_holder_and_team() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    let managers = [
        app.create_user("Acme", "mara@acme.example", "Mara Manager", Role::Manager),
        app.create_user("Acme", "milo@acme.example", "Milo Manager", Role::Manager),
    ];
    let objective = crate::helpers::ObjectiveBuilder::revenue("Revenue")
        .targets(&[("month", "10000")])
        .held_by(&[&rep])
        .create(&app, &managers[0]);
    let nord = app.team(&admin, "Nord", &[&rep]).to_string();
    let mara = Browser::of(&app, &managers[0]).await;
    let milo = Browser::of(&app, &managers[1]).await;
    let base = format!("/control-panel/sales-objectives/{objective}");
    let (holder, grid, teams) =
        (format!("{base}/assignments/{}", rep.id), format!("{base}/targets"), format!("{base}/teams"));
    let cell = format!("c_{}_2030-06-01", rep.id);

    for round in 0..ROUNDS {
        let (own, planned) = (format!("{}", 11_000 + round), format!("{}", 21_000 + round));
        let statuses = at_once(vec![
            // The same holder's own target, and the same grid cell, from two managers.
            mara.post(&holder, &[("target_month", &own)]),
            milo.post(&holder, &[("target_month", "12000")]),
            mara.post(&grid, &[("period", "month"), ("year", "2030-04-01"), (&cell, &planned)]),
            milo.post(&grid, &[("period", "month"), ("year", "2030-04-01"), (&cell, "22000")]),
            // A double click on giving the objective to a team.
            mara.post(&teams, &[("team_id", &nord), ("target_month", "30000")]),
            milo.post(&teams, &[("team_id", &nord), ("target_month", "30000")]),
        ])
        .await;
        no_server_error(&statuses);
        assert_eq!(how_many(&statuses[..4], StatusCode::SEE_OTHER), 4, "{statuses:?}");
        if round == 0 {
            assert_eq!(how_many(&statuses[4..], StatusCode::SEE_OTHER), 1, "one of the two gave it: {statuses:?}");
        }
        // One entry from this month on, one for June 2030 and one after it, one team.
        let this_month = "holder_targets WHERE effective_from < '2030-01-01'";
        assert_eq!(app.count(this_month), 1, "round {round}");
        assert_eq!(app.count("holder_targets WHERE effective_from >= '2030-01-01'"), 2, "round {round}");
        assert_eq!((app.count("team_assignments"), app.count("team_targets")), (1, 1), "round {round}");
    }
    // June holds what the later of the last two saves wrote.
    let last = (21_000 + ROUNDS as i64 - 1) * 100;
    let june = format!("holder_targets WHERE effective_from = '2030-06-01' AND value IN (2200000, {last})");
    assert_eq!(app.count(&june), 1);
}
