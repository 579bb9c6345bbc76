//! The latest migration carries an account's figures down and back up: every figure read
//! before is read again after, `verify` finds no difference, and new work lands in the
//! migrated tables.

use chrono::{TimeZone, Utc};
use reqwest::StatusCode;
use sales_objectives::app::recording::leads::{self, LeadForm};
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp};

const STATS_CSV: &str = "/statistics/sales-objectives.csv";

/// Every CSV the figures below are read from, in order.
const QUERIES: [&str; 6] = [
    "type=activity&period=year&date=2025-06-01",
    "type=activity&period=year&date=2026-06-01",
    "type=activity&period=week&date=2026-03-04",
    "type=sales&period=year&date=2025-06-01",
    "type=sales&period=year&date=2026-06-01",
    "type=sales&period=month&date=2026-03-04",
];

async fn figures(app: &TestApp) -> Vec<String> {
    let mut csvs = Vec::new();
    for query in QUERIES {
        let response = app.get(&format!("{STATS_CSV}?{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        // Without the pace figures after the period's name, which move with the clock.
        let text = response.text().await.expect("body");
        let stable = text.lines().map(|line| line.split(',').take(11).collect::<Vec<_>>().join(","));
        csvs.push(stable.collect::<Vec<_>>().join("\n"));
    }
    csvs
}

/// The achieved column of a CSV's row for `email` and `objective`.
fn achieved(csv: &str, email: &str, objective: &str) -> String {
    csv.lines()
        .map(|line| line.split(',').collect::<Vec<_>>())
        .find(|cells| cells.first() == Some(&email) && cells.get(2) == Some(&objective))
        .and_then(|cells| cells.get(7).map(|c| (*c).to_owned()))
        .unwrap_or_default()
}

fn won(app: &TestApp, rep: &UserRow, title: &str, amount: &str, closed: &str) {
    let form = LeadForm {
        title: title.into(),
        pipeline_id: app.pipeline_id(rep, "Sales"),
        amount: amount.into(),
        status: "won".into(),
        closed_at: closed.into(),
        ..LeadForm::default()
    };
    app.run_as(rep, |cx, actor| leads::create(cx, actor, &form));
}

#[tokio::test]
async fn the_latest_migration_reverts_and_reapplies_keeping_every_figure() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(2).build();
    app.login_as(acme.manager()).await;
    let (manager, [rita, remo]) = (acme.manager(), [&acme.reps[0], &acme.reps[1]]);
    let long_ago = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).single().expect("a moment");
    ObjectiveBuilder::calls(&app, manager, "Calls")
        .targets(&[("week", "10"), ("year", "400")])
        .held_by(&[rita, remo])
        .created_at(long_ago)
        .create(&app, manager);
    ObjectiveBuilder::revenue("Revenue")
        .targets(&[("year", "100000"), ("month", "8000")])
        .held_by(&[rita, remo])
        .created_at(long_ago)
        .create(&app, manager);
    let ottica = app.prospect_of(rita, "Ottica");
    let bar = app.prospect_of(remo, "Bar Roma");
    for at in ["2025-02-03T09:00", "2025-12-31T23:30", "2026-03-02T10:00", "2026-03-04T11:00"] {
        app.log_as(rita, &ottica, "Call", "Reached", at);
    }
    app.log_as(remo, &bar, "Call", "Reached", "2026-03-05T16:00");
    won(&app, rita, "Old deal", "1200.50", "2025-05-10T10:00");
    won(&app, rita, "March deal", "2500", "2026-03-03T10:00");
    won(&app, remo, "New year deal", "300", "2026-01-01T00:30");
    let before = figures(&app).await;

    sales_objectives::db::revert_latest(&mut app.conn()).expect("reverted");
    sales_objectives::db::run_migrations(&mut app.conn()).expect("applied again");
    assert_eq!(app.differences(), 0, "the migrated tables hold every figure");
    assert_eq!(figures(&app).await, before);

    app.log_as(remo, &bar, "Call", "Reached", "2026-03-06T09:00");
    won(&app, remo, "Another March deal", "700", "2026-03-20T10:00");
    assert_eq!(app.differences(), 0);
    let after = figures(&app).await;
    assert_eq!(achieved(&after[1], &remo.email, "Calls"), "2", "{}", after[1]);
    assert_eq!(achieved(&after[4], &remo.email, "Revenue"), "1000.00", "{}", after[4]);
    assert_eq!(after[0], before[0], "a year closed before stays as it was");
}
