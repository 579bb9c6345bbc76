//! Rule 6: changing a target applies from the current period on; closed periods keep the
//! target that was in force then, and the first target is in force from the start. Each
//! case checks the past and the current period on the dashboard, the detail page and the CSV.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use sales_objectives::app::objectives::editor;
use sales_objectives::domain::ids::ObjectiveId;
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, texts};

const STATS: &str = "/statistics/sales-objectives";

struct Calls {
    manager: UserRow,
    rita: UserRow,
    id: ObjectiveId,
}

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).expect("an RFC 3339 instant").with_timezone(&Utc)
}

fn calls(app: &TestApp, manager: &UserRow, target: &str) -> ObjectiveBuilder {
    ObjectiveBuilder::calls(app, manager, "Calls").targets(&[("week", target)])
}

/// "Calls", a weekly target of 50 set on `created`, held by Rita, who made 60 calls in the
/// weeks of 16 and 23 November 2026 and of 7 December 2026 (Europe/Rome, weeks from Monday).
async fn calls_created(app: &TestApp, created: &str) -> Calls {
    let acme = app.acme().with_manager().with_reps(1).build();
    let (manager, rita) = (acme.manager().clone(), acme.reps[0].clone());
    let id = calls(app, &manager, "50").held_by(&[&rita]).created_at(at(created)).create(app, &manager);
    let prospect = app.prospect_of(&rita, "Bianchi");
    for day in ["2026-11-17", "2026-11-24", "2026-12-08"] {
        for n in 0..60 {
            let occurred = format!("{day}T{:02}:{:02}", 8 + n / 30, 2 * (n % 30));
            app.log_as(&rita, &prospect, "Call", "Reached", &occurred);
        }
    }
    app.login_as(&manager).await;
    Calls { manager, rita, id }
}

fn change_target(app: &TestApp, calls: &Calls, target: &str, when: &str) {
    let form = self::calls(app, &calls.manager, target).form();
    app.run_as_at(&calls.manager, at(when), |cx, actor| editor::update(cx, actor, calls.id, &form));
}

/// The weekly target of the week holding `date`, as the CSV export, the dashboard and the
/// detail page show it; they must agree.
async fn target_of_week(app: &TestApp, calls: &Calls, date: &str) -> String {
    let query = format!("type=activity&period=week&date={date}");
    let csv = app.get(&format!("{STATS}.csv?{query}")).await.text().await.expect("csv");
    let row: Vec<&str> = csv.lines().nth(1).expect("a row for Rita").split(',').collect();
    assert_eq!(row[0], calls.rita.email);
    let from_csv = row[8].to_owned();

    let page = app.get(&format!("{STATS}?{query}")).await.text().await.expect("dashboard");
    let cells = texts(&page, ".progress-table tbody td:nth-child(2)");
    let shown = cells.first().expect("Rita's row").rsplit(" / ").next().expect("achieved / target").to_owned();
    assert_eq!(shown, from_csv, "the dashboard and the CSV agree for {date}");
    from_csv
}

/// How many weeks, up to the one holding `date` and since the objective existed, the detail
/// page shows, and how many of them as reached: "shown/reached".
async fn weeks_reached(app: &TestApp, calls: &Calls, date: &str) -> String {
    let page = app
        .get(&format!("{STATS}/{}?type=activity&period=week&date={date}", calls.id))
        .await
        .text()
        .await
        .expect("detail");
    let summary = page.split("role=\"img\" aria-label=\"").nth(1).expect("the chart's summary");
    let summary = summary.split('"').next().unwrap_or_default();
    let shown = summary.split(' ').next().unwrap_or_default();
    let reached = summary.rsplit(' ').next().unwrap_or_default().trim_end_matches('.');
    format!("{shown}/{reached}")
}

/// The target history on the objective's page: (from, target) per entry.
async fn history(app: &TestApp, calls: &Calls) -> Vec<String> {
    let page = app.get(&format!("/control-panel/sales-objectives/{}", calls.id)).await.text().await.expect("page");
    texts(&page, "table tbody tr")
}

#[tokio::test]
async fn a_target_changed_in_the_week_the_objective_was_created_keeps_the_first_for_every_earlier_week() {
    let app = TestApp::spawn().await;
    let calls = calls_created(&app, "2026-11-25T10:00:00Z").await;

    change_target(&app, &calls, "70", "2026-11-26T10:00:00Z");

    assert_eq!(target_of_week(&app, &calls, "2026-11-18").await, "50", "the week before");
    assert_eq!(target_of_week(&app, &calls, "2026-01-07").await, "50", "long before");
    assert_eq!(target_of_week(&app, &calls, "2026-11-25").await, "70", "the current week");
    assert_eq!(
        weeks_reached(&app, &calls, "2026-11-25").await,
        "1/0",
        "60 of 70 now; the week before it did not exist"
    );
    let rows = history(&app, &calls).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains("the start") && rows[0].contains("50"), "{rows:?}");
    assert!(rows[1].contains("Mon 23 Nov 2026") && rows[1].contains("70"), "{rows:?}");
}

#[tokio::test]
async fn two_changes_in_one_week_leave_one_change_and_the_first_target_before_it() {
    let app = TestApp::spawn().await;
    let calls = calls_created(&app, "2026-11-25T10:00:00Z").await;

    change_target(&app, &calls, "70", "2026-11-26T10:00:00Z");
    change_target(&app, &calls, "55", "2026-11-27T10:00:00Z");

    assert_eq!(target_of_week(&app, &calls, "2026-11-18").await, "50");
    assert_eq!(target_of_week(&app, &calls, "2026-11-25").await, "55");
    assert_eq!(weeks_reached(&app, &calls, "2026-11-25").await, "1/1", "60 of 55");
    let rows = history(&app, &calls).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[1].contains("Mon 23 Nov 2026") && rows[1].contains("55"), "{rows:?}");
}

#[tokio::test]
async fn a_change_in_a_later_week_keeps_every_closed_week_as_it_was() {
    let app = TestApp::spawn().await;
    let calls = calls_created(&app, "2026-11-25T10:00:00Z").await;
    change_target(&app, &calls, "70", "2026-11-26T10:00:00Z");

    change_target(&app, &calls, "90", "2026-12-09T10:00:00Z");

    assert_eq!(target_of_week(&app, &calls, "2026-11-18").await, "50");
    assert_eq!(target_of_week(&app, &calls, "2026-11-25").await, "70");
    assert_eq!(target_of_week(&app, &calls, "2026-12-02").await, "70", "a closed week keeps its target");
    assert_eq!(target_of_week(&app, &calls, "2026-12-09").await, "90");
    assert_eq!(weeks_reached(&app, &calls, "2026-12-09").await, "3/0", "60 of 70, 0 of 70, 60 of 90");
    assert_eq!(history(&app, &calls).await.len(), 3);
}

#[tokio::test]
async fn a_change_at_a_week_edge_counts_in_the_accounts_zone() {
    let app = TestApp::spawn().await;
    let calls = calls_created(&app, "2026-11-25T10:00:00Z").await;

    // Sunday 13 December 23:30 UTC is Monday 14 December 00:30 in Rome: a new week there.
    change_target(&app, &calls, "100", "2026-12-13T23:30:00Z");
    // Sunday 20 December 22:59 UTC is still Sunday in Rome: the same week, a second change.
    change_target(&app, &calls, "110", "2026-12-20T22:59:00Z");

    assert_eq!(target_of_week(&app, &calls, "2026-12-09").await, "50", "the week of 7 December keeps 50");
    assert_eq!(target_of_week(&app, &calls, "2026-12-14").await, "110");
    let rows = history(&app, &calls).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[1].contains("Mon 14 Dec 2026") && rows[1].contains("110"), "{rows:?}");
}

#[tokio::test]
async fn a_target_changed_through_the_form_applies_from_this_week_and_earlier_weeks_keep_theirs() {
    let app = TestApp::spawn().await;
    let calls = calls_created(&app, "2026-11-25T10:00:00Z").await;
    let (call, reached) = app.outcome_id(&calls.manager, "Call", "Reached");
    let fields = [
        ("name", "Calls"),
        ("kind", "activity"),
        ("action_id", call.as_str()),
        ("outcome_ids", reached.as_str()),
        ("context", "both"),
        ("pipeline_id", ""),
        ("period_1", "week"),
        ("target_1", "75"),
    ];

    let response = app.submit(&format!("/control-panel/sales-objectives/{}", calls.id), &fields).await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let today = app.account_of(&calls.manager).calendar().local_date(Utc::now());
    let week_before = (today - chrono::Duration::days(7)).to_string();
    assert_eq!(target_of_week(&app, &calls, &today.to_string()).await, "75");
    assert_eq!(target_of_week(&app, &calls, &week_before).await, "50");
    assert_eq!(target_of_week(&app, &calls, "2026-11-18").await, "50");
}
