//! Objective dates: an optional first and last day (a campaign, a quarter's push). Nothing
//! counts outside them, no standing is shown for a period that does not meet them, pace
//! ends with the last day, and an ended objective is listed apart and stays readable.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use sales_objectives::app::statistics::Filters;
use sales_objectives::app::statistics::dashboard;
use sales_objectives::domain::ids::ObjectiveId;
use sales_objectives::domain::progress::Standing;
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, input_value, texts};

const STATS: &str = "/statistics/sales-objectives";

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).expect("an RFC 3339 instant").with_timezone(&Utc)
}

/// "Push", 30 calls a month from 1 to 15 December 2026, held by Rita, who called on 30 Nov,
/// 1 Dec, 15 Dec and 16 Dec (two calls a day).
async fn push(app: &TestApp) -> (UserRow, UserRow, ObjectiveId) {
    let acme = app.acme().with_manager().with_reps(1).build();
    let (manager, rita) = (acme.manager().clone(), acme.reps[0].clone());
    let id = ObjectiveBuilder::calls(app, &manager, "Push")
        .targets(&[("month", "30"), ("week", "10")])
        .edit(|form| {
            form.starts_on = "2026-12-01".into();
            form.ends_on = "2026-12-15".into();
        })
        .held_by(&[&rita])
        .created_at(at("2026-11-02T10:00:00Z"))
        .create(app, &manager);
    let prospect = app.prospect_of(&rita, "Bianchi");
    for day in ["2026-11-30", "2026-12-01", "2026-12-15", "2026-12-16"] {
        for time in ["09:00", "23:30"] {
            app.log_as(&rita, &prospect, "Call", "Reached", &format!("{day}T{time}"));
        }
    }
    app.login_as(&manager).await;
    (manager, rita, id)
}

/// Rita's (achieved, target) for the period of `kind` holding `date`, from the CSV.
async fn figures(app: &TestApp, kind: &str, date: &str) -> Option<(String, String)> {
    let csv = app.get(&format!("{STATS}.csv?type=activity&period={kind}&date={date}")).await.text().await.expect("csv");
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|r| r[2] == "Push")
        .map(|r| (r[7].into(), r[8].into()))
}

#[tokio::test]
async fn nothing_counts_outside_the_dates_to_the_last_minute_of_the_last_day() {
    let app = TestApp::spawn().await;
    let (_, _, id) = push(&app).await;

    assert_eq!(figures(&app, "month", "2026-12-10").await, Some(("4".into(), "30".into())), "1 and 15 Dec only");
    assert_eq!(figures(&app, "month", "2026-11-10").await, None, "November is before its first day");
    assert_eq!(figures(&app, "week", "2026-12-16").await, Some(("2".into(), "10".into())), "15 Dec, not 16 Dec");
    assert_eq!(figures(&app, "week", "2026-11-30").await, Some(("2".into(), "10".into())), "1 Dec, not 30 Nov");
    assert_eq!(figures(&app, "week", "2026-12-23").await, None, "the week after its last day");

    // The detail lists only what counted, and says when it ran.
    let detail = app.get(&format!("{STATS}/{id}?type=activity&period=month&date=2026-12-10")).await;
    assert_eq!(detail.status(), StatusCode::OK);
    let html = detail.text().await.expect("detail");
    assert_eq!(texts(&html, ".records tbody tr").len(), 4, "{:?}", texts(&html, ".records tbody tr"));
    let said = texts(&html, "main > p.muted");
    assert!(said.iter().any(|s| s.contains("Tue 1 Dec 2026") && s.contains("Tue 15 Dec 2026")), "{said:?}");
}

#[tokio::test]
async fn pace_ends_with_the_last_day() {
    let app = TestApp::spawn().await;
    let (manager, _, _) = push(&app).await;
    let month = |date: &str| Filters {
        kind: "activity".into(),
        period: "month".into(),
        date: date.into(),
        ..Filters::default()
    };

    // On 16 December the campaign is over: the whole target was expected, and it was missed.
    let over = app.run_as(&manager, |cx, actor| {
        dashboard::dashboard(cx, actor, &month("2026-12-16"), at("2026-12-16T10:00:00Z"))
    });
    let line = &over.tables.first().expect("Push's table").lines[0];
    assert_eq!(line.progress.expected, 30.0);
    assert_eq!(line.progress.standing, Standing::Missed);

    // On 8 December, half its working days gone (5 of 11), not a quarter of the month's.
    let running = app.run_as(&manager, |cx, actor| {
        dashboard::dashboard(cx, actor, &month("2026-12-08"), at("2026-12-08T00:00:00Z"))
    });
    let expected = running.tables.first().expect("Push's table").lines[0].progress.expected;
    assert!((expected - 30.0 * 5.0 / 11.0).abs() < 0.5, "{expected}");
}

#[tokio::test]
async fn an_end_before_the_start_or_a_date_that_is_not_one_is_refused_with_the_form_kept() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(1).build();
    let manager = acme.manager().clone();
    app.login_as(&manager).await;
    let (action, outcome) = app.outcome_id(&manager, "Call", "Reached");
    let form = |starts: &str, ends: &str| {
        vec![
            ("name", "Push".to_owned()),
            ("kind", "activity".to_owned()),
            ("action_id", action.clone()),
            ("outcome_ids", outcome.clone()),
            ("context", "both".to_owned()),
            ("period_1", "month".to_owned()),
            ("target_1", "30".to_owned()),
            ("starts_on", starts.to_owned()),
            ("ends_on", ends.to_owned()),
        ]
    };
    for (starts, ends, field, message) in [
        ("2026-12-15", "2026-12-01", "ends_on", "cannot end before it starts"),
        ("1st December", "", "starts_on", "is not a date"),
        ("", "2026-02-30", "ends_on", "is not a date"),
    ] {
        let fields = form(starts, ends);
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = app.submit("/control-panel/sales-objectives", &fields).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{starts} {ends}");
        let html = refused.text().await.expect("form");
        assert_eq!(input_value(&html, "starts_on").as_deref(), Some(starts));
        assert_eq!(input_value(&html, "ends_on").as_deref(), Some(ends));
        let error = texts(&html, &format!("#{field}-error"));
        assert!(error.len() == 1 && error[0].contains(message), "{starts} {ends}: {error:?}");
    }
    assert_eq!(app.count("objectives"), 0, "nothing saved");

    let fields = form("2026-12-01", "2026-12-01");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.submit("/control-panel/sales-objectives", &fields).await.status(), StatusCode::SEE_OTHER, "one day");
}

#[tokio::test]
async fn an_ended_objective_is_listed_apart_and_its_results_stay_readable() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(1).build();
    let (manager, rita) = (acme.manager().clone(), acme.reps[0].clone());
    let dated = |name: &str, ends: &str| {
        ObjectiveBuilder::calls(&app, &manager, name)
            .targets(&[("week", "5")])
            .edit(|form| form.ends_on = ends.into())
            .held_by(&[&rita])
            .created_at(at("2026-10-01T10:00:00Z"))
            .create(&app, &manager)
    };
    let ended = dated("October push", "2026-10-31");
    dated("Runs on", "2099-12-31");
    app.login_as(&manager).await;

    let names = |html: &str| texts(html, "tbody td:first-child a");
    let running = app.get("/control-panel/sales-objectives").await.text().await.expect("list");
    assert_eq!(names(&running), ["Runs on"]);
    let ended_list = app.get("/control-panel/sales-objectives?ended=1").await.text().await.expect("list");
    assert_eq!(names(&ended_list), ["October push"]);
    assert!(texts(&ended_list, "tbody td").iter().any(|t| t.contains("Ended on Sat 31 Oct 2026")));

    // Its page links to its results at its last day, and they open.
    let page = app.get(&format!("/control-panel/sales-objectives/{ended}")).await.text().await.expect("page");
    let results = scraper::Html::parse_document(&page)
        .select(&scraper::Selector::parse(".page-head a.button").expect("selector"))
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .find(|href| href.starts_with(STATS))
        .expect("a link to its results");
    assert!(results.ends_with("&date=2026-10-31"), "{results}");
    let detail = app.get(&results).await;
    assert_eq!(detail.status(), StatusCode::OK);
    let html = detail.text().await.expect("detail");
    assert!(texts(&html, ".big-figure").iter().any(|f| f.contains("0 / 5")), "{html}");
}
