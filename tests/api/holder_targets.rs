//! Per-holder targets: "Luca €150k, Sara €100k" on one objective. A holder's own target
//! replaces the objective's for them and changes like it (rule 6): from the start of the
//! period in which it was set, closed periods keeping theirs. Checked on the CSV, the
//! dashboard, the detail page and My objectives.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use sales_objectives::app::objectives::{holder_targets, period_targets::PeriodTargetsForm};
use sales_objectives::domain::ids::ObjectiveId;
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, input_value, texts};

const STATS: &str = "/statistics/sales-objectives";

struct World {
    admin: UserRow,
    manager: UserRow,
    rita: UserRow,
    remo: UserRow,
    id: ObjectiveId,
}

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).expect("an RFC 3339 instant").with_timezone(&Utc)
}

/// "Calls", 50 a week from 9 Nov 2026, held by Rita and Remo, who made 60 and 40 calls in
/// each week of 16 Nov, 23 Nov and 7 Dec 2026 (Europe/Rome, weeks from Monday).
async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(2).build();
    let (manager, rita, remo) = (acme.manager().clone(), acme.reps[0].clone(), acme.reps[1].clone());
    let id = ObjectiveBuilder::calls(app, &manager, "Calls")
        .targets(&[("week", "50")])
        .held_by(&[&rita, &remo])
        .created_at(at("2026-11-10T10:00:00Z"))
        .create(app, &manager);
    for (who, calls) in [(&rita, 60), (&remo, 40)] {
        let prospect = app.prospect_of(who, &format!("Prospect of {}", who.name));
        for day in ["2026-11-17", "2026-11-24", "2026-12-08"] {
            for n in 0..calls {
                let occurred = format!("{day}T{:02}:{:02}", 8 + n / 30, 2 * (n % 30));
                app.log_as(who, &prospect, "Call", "Reached", &occurred);
            }
        }
    }
    app.login_as(&manager).await;
    World { admin: acme.admin.clone(), manager, rita, remo, id }
}

fn weekly(target: &str) -> PeriodTargetsForm {
    PeriodTargetsForm { target_week: Some(target.to_owned()), ..PeriodTargetsForm::default() }
}

/// Sets `holder`'s own weekly target at `when` (empty: the objective's again).
fn set_own(app: &TestApp, w: &World, holder: &UserRow, target: &str, when: &str) -> usize {
    let form = weekly(target);
    app.run_as_at(&w.manager, at(when), |cx, actor| holder_targets::set(cx, actor, w.id, holder.id, &form))
}

/// Each holder's (target, whose target) of the week holding `date`, by e-mail, from the
/// CSV, and the total row's target.
async fn week(app: &TestApp, date: &str) -> (Vec<(String, String, String)>, String) {
    let csv = app.get(&format!("{STATS}.csv?type=activity&period=week&date={date}")).await.text().await.expect("csv");
    let rows: Vec<Vec<String>> = csv.lines().skip(1).map(|l| l.split(',').map(str::to_owned).collect()).collect();
    let total = rows.iter().find(|r| r[1] == "Total").map(|r| r[8].clone()).expect("a total row");
    let mut people: Vec<(String, String, String)> =
        rows.into_iter().filter(|r| !r[0].is_empty()).map(|r| (r[0].clone(), r[8].clone(), r[17].clone())).collect();
    people.sort();
    (people, total)
}

fn holder<'a>(rows: &'a [(String, String, String)], who: &UserRow) -> (&'a str, &'a str) {
    let row = rows.iter().find(|(email, ..)| *email == who.email).expect("the holder's row");
    (row.1.as_str(), row.2.as_str())
}

#[tokio::test]
async fn a_holders_own_target_replaces_the_objectives_for_them_alone_from_the_current_week() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;

    assert_eq!(set_own(&app, &w, &w.rita, "80", "2026-11-25T10:00:00Z"), 1);

    let (before, total) = week(&app, "2026-11-18").await;
    assert_eq!(holder(&before, &w.rita), ("50", "objective"), "the closed week keeps the objective's");
    assert_eq!(total, "100");
    let (now, total) = week(&app, "2026-11-25").await;
    assert_eq!(holder(&now, &w.rita), ("80", "holder"));
    assert_eq!(holder(&now, &w.remo), ("50", "objective"), "Remo keeps the objective's");
    assert_eq!(total, "130", "the holders together against the sum of their targets");
    let (later, _) = week(&app, "2026-12-09").await;
    assert_eq!(holder(&later, &w.rita), ("80", "holder"), "in force until changed");

    // The dashboard marks the own target; the detail and My objectives measure against it.
    let page = app.get(&format!("{STATS}?type=activity&period=week&date=2026-11-25")).await.text().await.expect("page");
    let rows = texts(&page, ".progress-table tbody tr");
    let rita = rows.iter().find(|r| r.contains(&w.rita.name)).expect("Rita's row");
    assert!(rita.contains("60 / 80") && rita.contains("own target"), "{rita}");
    let remo = rows.iter().find(|r| r.contains(&w.remo.name)).expect("Remo's row");
    assert!(remo.contains("40 / 50") && !remo.contains("own target"), "{remo}");
    let detail = app
        .get(&format!("{STATS}/{}?type=activity&period=week&date=2026-11-25", w.id))
        .await
        .text()
        .await
        .expect("detail");
    let figures = texts(&detail, ".big-figure");
    assert!(figures.iter().any(|f| f.starts_with("60 / 80")), "{figures:?}");
    assert!(figures.iter().any(|f| f.starts_with("40 / 50")), "{figures:?}");

    let mut rita_app = app.another_browser();
    rita_app.login_as(&w.rita).await;
    let mine = rita_app.get("/me/objectives").await.text().await.expect("my objectives");
    let mine = texts(&mine, ".big-figure");
    assert!(mine.iter().any(|f| f.contains("/ 80") && f.contains("own target")), "{mine:?}");
    rita_app.new_browser();
}

#[tokio::test]
async fn a_change_takes_the_period_it_was_made_in_to_the_minute_of_its_edges() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;

    // Sunday 22 Nov at 23:30 in Rome is still the week of 16 Nov.
    set_own(&app, &w, &w.rita, "70", "2026-11-22T22:30:00Z");
    // Monday 23 Nov at 00:30 in Rome begins the next week.
    set_own(&app, &w, &w.rita, "90", "2026-11-22T23:30:00Z");

    assert_eq!(holder(&week(&app, "2026-11-11").await.0, &w.rita), ("50", "objective"));
    assert_eq!(holder(&week(&app, "2026-11-18").await.0, &w.rita), ("70", "holder"));
    assert_eq!(holder(&week(&app, "2026-11-25").await.0, &w.rita), ("90", "holder"));
}

#[tokio::test]
async fn an_emptied_target_follows_the_objective_again_from_then_and_its_changes_too() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    set_own(&app, &w, &w.rita, "80", "2026-11-18T10:00:00Z");

    // Emptied in the week of 7 Dec, after the objective went to 55 in the week of 23 Nov.
    let form = ObjectiveBuilder::calls(&app, &w.manager, "Calls").targets(&[("week", "55")]).form();
    app.run_as_at(&w.manager, at("2026-11-25T10:00:00Z"), |cx, actor| {
        sales_objectives::app::objectives::editor::update(cx, actor, w.id, &form)
    });
    assert_eq!(set_own(&app, &w, &w.rita, "", "2026-12-09T10:00:00Z"), 1);
    assert_eq!(set_own(&app, &w, &w.rita, "", "2026-12-09T11:00:00Z"), 0, "nothing left to change");

    assert_eq!(holder(&week(&app, "2026-11-25").await.0, &w.rita), ("80", "holder"));
    assert_eq!(holder(&week(&app, "2026-11-25").await.0, &w.remo), ("55", "objective"));
    assert_eq!(holder(&week(&app, "2026-12-09").await.0, &w.rita), ("55", "objective"));

    // Set and emptied within one week: as if never set.
    set_own(&app, &w, &w.remo, "45", "2026-12-09T10:00:00Z");
    set_own(&app, &w, &w.remo, "", "2026-12-10T10:00:00Z");
    assert_eq!(holder(&week(&app, "2026-12-09").await.0, &w.remo), ("55", "objective"));
    let own = app.count(&format!("holder_targets WHERE user_id = {}", w.remo.id));
    assert_eq!(own, 0, "nothing kept of a change undone in its own period");

    // Each change is in the audit log, worded.
    let mut reader = app.another_browser();
    reader.login_as(&w.admin).await;
    let log = reader.get("/admin/audit").await.text().await.expect("audit");
    let entries = texts(&log, "tbody tr");
    let own_set = entries.iter().filter(|e| e.contains("own target set")).count();
    assert_eq!(own_set, 4, "{entries:?}");
    assert!(entries.iter().any(|e| e.contains(&w.rita.name) && e.contains("the objective's")), "{entries:?}");
    reader.new_browser();
}

#[tokio::test]
async fn the_holders_page_saves_shows_and_refuses_bad_targets_keeping_what_was_typed() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let page = format!("/control-panel/sales-objectives/{}/assignments/{}", w.id, w.rita.id);

    let shown = app.get(&page).await;
    assert_eq!(shown.status(), StatusCode::OK);
    let html = shown.text().await.expect("page");
    assert_eq!(input_value(&html, "target_week").as_deref(), Some(""), "no own target yet");
    let hints = texts(&html, "form p.muted");
    assert_eq!(hints, ["The objective's: 50"], "the objective's target is said");

    for (typed, message) in
        [("-5", "more than zero"), ("0", "more than zero"), ("2.5", "whole number"), ("many", "not a number")]
    {
        let refused = app.submit(&page, &[("target_week", typed)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        let html = refused.text().await.expect("page");
        assert_eq!(input_value(&html, "target_week").as_deref(), Some(typed), "what was typed is kept");
        let errors = texts(&html, ".field-error");
        assert!(errors.len() == 1 && errors[0].contains(message), "{typed}: {errors:?}");
    }
    // A period the objective has no target for, even with a good weekly target beside it.
    let refused = app.submit(&page, &[("target_week", "70"), ("target_month", "300")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("page");
    assert!(texts(&html, ".alert-error").iter().any(|e| e.contains("no monthly target")), "{html}");
    assert_eq!(input_value(&html, "target_week").as_deref(), Some("70"));
    assert_eq!(app.count("holder_targets"), 0, "nothing written of a refused form");

    let saved = app.submit(&page, &[("target_week", "1,200")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let objective = app.get(&format!("/control-panel/sales-objectives/{}", w.id)).await.text().await.expect("page");
    let holders = texts(&objective, ".holders li");
    assert!(holders.iter().any(|h| h.contains(&w.rita.name) && h.contains("Own target: Week: 1,200")), "{holders:?}");
    let html = app.get(&page).await.text().await.expect("page");
    assert_eq!(input_value(&html, "target_week").as_deref(), Some("1,200"));
    assert_eq!(texts(&html, "tbody tr").len(), 1, "one entry in the history");
}

#[tokio::test]
async fn revenue_targets_take_two_decimals_and_money_as_the_reader_writes_it() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(1).build();
    let (manager, luca) = (acme.manager().clone(), acme.reps[0].clone());
    let id =
        ObjectiveBuilder::revenue("Revenue").targets(&[("year", "100000")]).held_by(&[&luca]).create(&app, &manager);
    app.login_as(&manager).await;
    let page = format!("/control-panel/sales-objectives/{id}/assignments/{}", luca.id);

    let refused = app.submit(&page, &[("target_year", "150000.125")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("page");
    assert_eq!(input_value(&html, "target_year").as_deref(), Some("150000.125"));
    assert!(!texts(&html, ".field-error").is_empty());

    assert_eq!(app.submit(&page, &[("target_year", "150000.50")]).await.status(), StatusCode::SEE_OTHER);
    let (rows, _) = {
        let csv = app.get(&format!("{STATS}.csv?type=sales&period=year")).await.text().await.expect("csv");
        let rows: Vec<Vec<String>> = csv.lines().skip(1).map(|l| l.split(',').map(str::to_owned).collect()).collect();
        (rows, ())
    };
    let row = rows.iter().find(|r| r[0] == luca.email).expect("Luca's row");
    assert_eq!((row[8].as_str(), row[17].as_str()), ("150000.50", "holder"));
}

#[tokio::test]
async fn only_a_manager_of_the_account_reaches_a_holder_of_its_objectives() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let other = app.create_account("Other", "admin@other.example");
    let page = |user: &UserRow| format!("/control-panel/sales-objectives/{}/assignments/{}", w.id, user.id);

    // Someone who does not hold it, or another account's user: not found.
    let outsider = app.create_user("Acme", "nora@acme.example", "Nora", sales_objectives::domain::role::Role::Rep);
    assert_eq!(app.get(&page(&outsider)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.submit(&page(&outsider), &[("target_week", "5")]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&page(&other)).await.status(), StatusCode::NOT_FOUND);

    let mut outside = app.another_browser();
    outside.login_as(&other).await;
    assert_eq!(outside.get(&page(&w.rita)).await.status(), StatusCode::NOT_FOUND, "another account's objective");
    assert_eq!(outside.submit(&page(&w.rita), &[("target_week", "5")]).await.status(), StatusCode::NOT_FOUND);
    outside.new_browser();
    outside.login_as(&w.remo).await;
    assert_eq!(outside.get(&page(&w.rita)).await.status(), StatusCode::FORBIDDEN, "a rep");
    assert_eq!(outside.submit(&page(&w.rita), &[("target_week", "5")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("holder_targets"), 0);
}

#[tokio::test]
async fn a_removed_holder_takes_their_targets_with_them() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    set_own(&app, &w, &w.rita, "80", "2026-11-25T10:00:00Z");

    let removal = format!("/control-panel/sales-objectives/{}/assignments/{}/delete", w.id, w.rita.id);
    assert_eq!(app.submit(&removal, &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("holder_targets"), 0);

    let again = [w.rita.id.to_string()];
    app.run_as(&w.manager, |cx, actor| {
        sales_objectives::app::objectives::assignments::assign_users(cx, actor, w.id, &again)
    });
    assert_eq!(holder(&week(&app, "2026-11-25").await.0, &w.rita), ("50", "objective"));
}
