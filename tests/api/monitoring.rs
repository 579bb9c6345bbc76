//! Who is behind: the overview (the managers' default), its orders, the standings and
//! forecasts figure by figure at a fixed moment, closed and unheld periods, team rows, the
//! leaderboard and who may see it, and one chart scale for everybody.

use chrono::{DateTime, Utc};
use sales_objectives::app::import::{self, ImportKind};
use sales_objectives::app::recording::leads::{self, LeadForm};
use sales_objectives::app::settings::{self, SettingsForm};
use sales_objectives::app::statistics::overview::{self, Overview};
use sales_objectives::app::statistics::{Filters, dashboard};
use sales_objectives::domain::ids::ObjectiveId;
use sales_objectives::domain::progress::Standing;
use sales_objectives::store::users::UserRow;

use crate::helpers::{Acme, ObjectiveBuilder, TestApp, texts};

const STATS: &str = "/statistics/sales-objectives";

fn at(instant: &str) -> DateTime<Utc> {
    instant.parse().expect("an RFC 3339 instant")
}

/// Wednesday 2 December 2026, 12:00 in Rome: 2.5 of the week's 5 working days gone.
fn wednesday_noon() -> DateTime<Utc> {
    at("2026-12-02T11:00:00Z")
}

/// Acme with Rita, Remo and Rosa holding "Calls" (10 a week, since November), Rita and Remo
/// in team North. This week Rita made 10 calls, Remo 4, Rosa none; last week Rita 5, Remo 10.
fn calls_world(app: &TestApp) -> Acme {
    calls_world_with_id(app).0
}

fn calls_world_with_id(app: &TestApp) -> (Acme, ObjectiveId) {
    let acme = app.acme().with_manager().with_reps(3).build();
    let (rita, remo, rosa) = (&acme.reps[0], &acme.reps[1], &acme.reps[2]);
    let id = ObjectiveBuilder::calls(app, acme.manager(), "Calls")
        .targets(&[("week", "10")])
        .held_by(&[rita, remo, rosa])
        .created_at(at("2026-11-02T08:00:00Z"))
        .create(app, acme.manager());
    app.team(&acme.admin, "North", &[rita, remo]);
    for (rep, this_week, last_week) in [(rita, 10, 5), (remo, 4, 10)] {
        let prospect = app.prospect_of(rep, &format!("Client of {}", rep.name));
        for n in 0..this_week {
            app.log_as(rep, &prospect, "Call", "Reached", &format!("2026-12-01T09:{:02}", n * 2));
        }
        for n in 0..last_week {
            app.log_as(rep, &prospect, "Call", "Reached", &format!("2026-11-24T09:{:02}", n * 2));
        }
    }
    (acme, id)
}

fn overview_at(app: &TestApp, manager: &UserRow, sort: &str, as_of: DateTime<Utc>) -> Overview {
    let filters = Filters { date: "2026-12-02".into(), sort: sort.into(), ..Filters::default() };
    app.run_as(manager, |cx, actor| overview::overview(cx, actor, &filters, as_of))
}

fn names(found: &Overview) -> Vec<String> {
    found.rows.iter().map(|row| row.person.name.clone()).collect()
}

#[tokio::test]
async fn standings_and_forecasts_on_wednesday_noon_figure_by_figure() {
    let app = TestApp::spawn().await;
    let acme = calls_world(&app);
    let found = overview_at(&app, acme.manager(), "name", wednesday_noon());
    assert_eq!(found.columns.len(), 1, "one objective, one period kind");
    assert_eq!(names(&found), ["Remo Rep", "Rita Rep", "Rosa Rep"]);
    let cell = |i: usize| found.rows[i].cells[0].clone().expect("held");
    let (remo, rita, rosa) = (cell(0), cell(1), cell(2));

    assert_eq!((rita.progress.standing, rita.progress.percent), (Standing::Reached, 100.0));
    assert_eq!(rita.progress.needed_per_day, None);
    assert_eq!((remo.progress.expected, remo.progress.gap), (5.0, -1.0));
    assert_eq!(remo.progress.forecast, Some(8.0), "4 in 2.5 of 5 working days");
    assert_eq!(remo.progress.standing, Standing::Behind, "80 % at this pace: behind, not at risk");
    assert_eq!(remo.progress.needed_per_day, Some(6.0 / 2.5));
    assert_eq!((rosa.progress.standing, rosa.progress.forecast), (Standing::AtRisk, Some(0.0)));

    // The previous week, closed: Rita 5 of 10, Remo 10 of 10.
    let previous = |c: &sales_objectives::app::statistics::HolderProgress| c.previous.expect("last week had a target");
    assert_eq!((previous(&rita).standing, previous(&rita).percent), (Standing::Missed, 50.0));
    assert_eq!(previous(&remo).standing, Standing::Reached);
}

#[tokio::test]
async fn the_overview_sorts_by_standing_percent_and_name() {
    let app = TestApp::spawn().await;
    let acme = calls_world(&app);
    let manager = acme.manager();
    assert_eq!(names(&overview_at(&app, manager, "", wednesday_noon())), ["Rosa Rep", "Remo Rep", "Rita Rep"]);
    assert_eq!(names(&overview_at(&app, manager, "percent", wednesday_noon())), ["Rosa Rep", "Remo Rep", "Rita Rep"]);
    assert_eq!(names(&overview_at(&app, manager, "name", wednesday_noon())), ["Remo Rep", "Rita Rep", "Rosa Rep"]);

    // Over HTTP the order is in the URL, and the overview is a manager's default.
    app.login_as(manager).await;
    let page = app.get(&format!("{STATS}?date=2026-12-02&sort=name")).await.text().await.expect("page");
    assert_eq!(texts(&page, ".overview-table tbody:first-of-type th[scope=row]"), ["Remo Rep", "Rita Rep", "Rosa Rep"]);
    let by_percent = app.get(&format!("{STATS}?type=overview&date=2026-12-02&sort=percent")).await;
    let by_percent = by_percent.text().await.expect("page");
    assert_eq!(texts(&by_percent, ".overview-table tbody:first-of-type th[scope=row]")[0], "Rosa Rep");
    let cells = texts(&page, ".overview-table tbody:first-of-type td.overview-cell .num");
    assert!(cells.iter().any(|c| c.starts_with("4 / 10")), "Remo's cell: {cells:?}");
    assert!(page.contains(&format!("{STATS}/")), "a cell opens its detail");
    // The seed's tabs stay: an explicit type shows its tables.
    let tables =
        app.get(&format!("{STATS}?type=activity&period=week&date=2026-12-02")).await.text().await.expect("page");
    assert!(texts(&tables, ".overview-table").is_empty() && !texts(&tables, ".progress-table").is_empty());
}

#[tokio::test]
async fn a_team_row_adds_its_members_and_the_total_says_how_many_are_behind() {
    let app = TestApp::spawn().await;
    let acme = calls_world(&app);
    let found = overview_at(&app, acme.manager(), "name", wednesday_noon());
    assert_eq!(found.teams.len(), 1);
    let north = found.teams[0].cells[0].expect("North holds Calls");
    assert_eq!((found.teams[0].name.as_str(), north.achieved, north.target), ("North", 14, 20));

    app.login_as(acme.manager()).await;
    let page = app.get(&format!("{STATS}?type=activity&period=week&date=2026-12-02")).await.text().await.expect("page");
    let total = texts(&page, ".progress-table tfoot td");
    assert!(total.iter().any(|t| t.contains("of 3 behind, at risk or missed")), "{total:?}");
}

#[tokio::test]
async fn closed_periods_are_reached_or_missed_and_periods_before_holding_are_not_judged() {
    let app = TestApp::spawn().await;
    let acme = calls_world(&app);
    let (manager, rita) = (acme.manager(), &acme.reps[0]);
    let week_of = |date: &str| Filters {
        kind: "activity".into(),
        period: "week".into(),
        date: date.into(),
        ..Filters::default()
    };
    let standings = |date: &str, as_of| {
        let found = app.run_as(manager, |cx, actor| dashboard::dashboard(cx, actor, &week_of(date), as_of));
        found.tables.iter().map(|t| t.lines.iter().map(|l| l.progress.standing).collect::<Vec<_>>()).collect::<Vec<_>>()
    };
    // Remo, Rita, Rosa: 10, 5 and 0 of 10.
    assert_eq!(standings("2026-11-25", wednesday_noon()), [[Standing::Reached, Standing::Missed, Standing::Missed]]);
    assert_eq!(
        standings("2026-10-28", wednesday_noon()),
        [[Standing::NotHeld, Standing::NotHeld, Standing::NotHeld]],
        "the objective did not exist that week"
    );

    // Created at 10:00 on Wednesday: not red an hour later, and marked partial.
    ObjectiveBuilder::activity(&app, manager, "Meetings", "Meeting", "Held")
        .targets(&[("week", "5")])
        .held_by(&[rita])
        .created_at(at("2026-12-02T09:00:00Z"))
        .create(&app, manager);
    let found =
        app.run_as(manager, |cx, actor| dashboard::dashboard(cx, actor, &week_of("2026-12-02"), wednesday_noon()));
    let meetings = found.tables.iter().find(|t| t.objective.row.name == "Meetings").expect("Meetings");
    let line = &meetings.lines[0].progress;
    assert!(line.partial && line.expected < 0.2, "{line:?}");
    assert_eq!(line.standing, Standing::OnTrack);
}

#[tokio::test]
async fn the_leaderboard_ranks_by_percent_and_reps_see_names_and_ranks_only_when_allowed() {
    let app = TestApp::spawn().await;
    let acme = calls_world(&app);
    let found = overview_at(&app, acme.manager(), "", wednesday_noon());
    let places: Vec<(usize, String, Option<i64>)> =
        found.leaderboard.iter().map(|p| (p.rank, p.name.clone(), p.change)).collect();
    assert_eq!(
        places,
        [(1, "Rita Rep".into(), Some(1)), (2, "Remo Rep".into(), Some(-1)), (3, "Rosa Rep".into(), Some(0))]
    );

    let rita = &acme.reps[0];
    app.login_as(rita).await;
    let mine = app.get("/me/objectives").await.text().await.expect("page");
    assert!(texts(&mine, ".leaderboard").is_empty(), "off by default");

    let mut form = SettingsForm::of(&app.account_of(&acme.admin));
    form.reps_see_leaderboard = "on".into();
    app.run_as(&acme.admin, |cx, actor| settings::change(cx, actor, &form));
    let mine = app.get("/me/objectives").await.text().await.expect("page");
    let rows = texts(&mine, ".leaderboard tbody tr");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|row| !row.contains('%')), "never a colleague's percent: {rows:?}");
    assert!(rows.iter().any(|row| row.contains("Remo Rep")));

    app.logout().await;
    app.login_as(acme.manager()).await;
    let overview_page = app.get(&format!("{STATS}?date=2026-12-02")).await.text().await.expect("page");
    assert!(
        texts(&overview_page, ".leaderboard tbody tr").iter().all(|row| row.contains('%')),
        "managers see percents"
    );
}

#[tokio::test]
async fn every_chart_of_one_objective_has_one_scale_and_only_periods_since_it_existed() {
    let app = TestApp::spawn().await;
    let (acme, id) = calls_world_with_id(&app);
    app.login_as(acme.manager()).await;
    let page =
        app.get(&format!("{STATS}/{id}?type=activity&period=week&date=2026-12-02")).await.text().await.expect("page");
    let targets: Vec<&str> = page
        .split("class=\"chart-target\" d=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    assert_eq!(targets.len(), 3, "a chart per holder");
    assert!(targets.iter().all(|d| *d == targets[0]), "the target at one height for everybody: {targets:?}");
    let axes = texts(&page, ".chart-axis");
    assert_eq!(axes.len() % 3, 0);
    assert!(axes.iter().any(|a| a == "10"), "the axis has values: {axes:?}");
    // Created on 2 November: the weeks of 2, 9, 16, 23 and 30 November.
    let data = texts(&page, ".chart-data tbody tr");
    assert_eq!(data.len(), 3 * 5, "{data:?}");
    assert_eq!(texts(&page, ".objective-card .big-figure").len(), 3, "each holder's figure above their chart");
    // The objective's own leaderboard: Rita first this week, up one place since last week.
    let places = texts(&page, ".leaderboard tbody tr");
    assert_eq!(places.len(), 3, "{places:?}");
    assert!(places[0].starts_with("1") && places[0].contains("Rita Rep") && places[0].ends_with("▲ 1"), "{places:?}");
}

/// A lead of Rita's through its form's use case.
fn lead(app: &TestApp, rita: &UserRow, fields: [(&str, &str); 5]) {
    let [title, amount, status, closing, probability] = fields.map(|(_, v)| v.to_owned());
    let form = LeadForm {
        title,
        pipeline_id: app.pipeline_id(rita, "Sales"),
        amount,
        status,
        estimated_closing_date: closing,
        probability,
        closed_at: if fields[2].1 == "won" { "2026-12-01T10:00".into() } else { String::new() },
        ..LeadForm::default()
    };
    app.run_as(rita, |cx, actor| leads::create(cx, actor, &form));
}

#[tokio::test]
async fn a_revenue_forecast_adds_the_open_pipeline_weighed_by_probability_within_the_period() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(1).build();
    let (manager, rita) = (acme.manager(), &acme.reps[0]);
    ObjectiveBuilder::revenue("Revenue")
        .targets(&[("month", "10000")])
        .held_by(&[rita])
        .created_at(at("2026-11-02T08:00:00Z"))
        .create(&app, manager);
    let field = |v| ("", v);
    lead(&app, rita, [field("Won"), field("3000"), field("won"), field(""), field("")]);
    lead(&app, rita, [field("Open"), field("5000"), field("todo"), field("2026-12-15"), field("60")]);
    lead(&app, rita, [field("Standby"), field("1000"), field("standby"), field("2026-12-20"), field("50 %")]);
    lead(&app, rita, [field("Next year"), field("2000"), field("todo"), field("2027-01-10"), field("90")]);
    lead(&app, rita, [field("Lost"), field("4000"), field("lost"), field("2026-12-10"), field("80")]);

    let filters = Filters { date: "2026-12-02".into(), ..Filters::default() };
    let found = app.run_as(manager, |cx, actor| overview::overview(cx, actor, &filters, wednesday_noon()));
    let progress = found.rows[0].cells[0].clone().expect("Rita holds Revenue").progress;
    assert_eq!(progress.achieved, 300_000);
    // December 2026 has 23 working days; 1.5 are gone at Wednesday noon.
    let pace = progress.forecast.expect("a forecast");
    assert!((pace - 300_000.0 * 23.0 / 1.5).abs() < 1.0, "{pace}");
    assert_eq!(
        progress.pipeline_forecast,
        Some(300_000.0 + 300_000.0 + 50_000.0),
        "won + 60 % of 5,000 + 50 % of 1,000"
    );
    assert_eq!(progress.pipeline_forecast_percent(), Some(65.0));
}

#[tokio::test]
async fn a_leads_forecast_fields_are_checked_kept_exported_and_imported() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(1).build();
    let rita = &acme.reps[0];
    app.login_as(rita).await;
    let pipeline = app.pipeline_id(rita, "Sales");
    let refused = app
        .submit(
            "/leads",
            &[
                ("title", "Acme"),
                ("pipeline_id", &pipeline),
                ("probability", "150"),
                ("estimated_closing_date", "soon"),
            ],
        )
        .await;
    assert_eq!(refused.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("page");
    assert!(texts(&page, "#probability-error")[0].contains("a whole percent from 0 to 100"));
    assert!(texts(&page, "#estimated_closing_date-error")[0].contains("is not a date"));
    assert_eq!(crate::helpers::input_value(&page, "probability").as_deref(), Some("150"), "the form kept");
    assert_eq!(app.count("leads"), 0, "nothing written");

    let fields = [
        ("title", "Acme"),
        ("pipeline_id", pipeline.as_str()),
        ("amount", "5000"),
        ("estimated_closing_date", "2026-12-15"),
        ("probability", "60"),
    ];
    assert_eq!(app.submit("/leads", &fields).await.status(), reqwest::StatusCode::SEE_OTHER);
    let csv = app.get("/leads.csv").await.text().await.expect("csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("title,owner_email,pipeline,status,amount,currency,closed_at,estimated_closing_date,probability")
    );
    assert_eq!(lines.next(), Some("Acme,rita@acme.example,Sales,todo,5000.00,EUR,,2026-12-15,60"));

    // The export imports again; a file without the forecast columns still does.
    let import = |contents: &str| {
        app.run_as(&acme.admin, |cx, actor| import::import(cx, actor, ImportKind::Leads, contents.as_bytes()))
    };
    assert!(import(&csv).is_ok());
    assert!(
        import("title,owner_email,pipeline,status,amount,currency,closed_at\nOld,rita@acme.example,Sales,todo,,,\n")
            .is_ok()
    );
    let bad = "title,owner_email,pipeline,status,amount,currency,closed_at,estimated_closing_date,probability\n\
               Bad,rita@acme.example,Sales,todo,,,,2026-12-15,101\n";
    assert!(import(bad).is_err(), "a probability over 100 refuses the file");
    assert_eq!(app.count("leads"), 3);
}

#[tokio::test]
async fn a_team_manager_opens_on_their_teams_and_may_see_everyone() {
    let app = TestApp::spawn().await;
    let acme = calls_world(&app);
    let (manager, rosa) = (acme.manager(), &acme.reps[2]);
    let south = app.team(&acme.admin, "South", &[rosa, manager]);
    let lead_it = sales_objectives::app::admin::teams::TeamChange::SetManager(manager.id, true);
    app.run_as(&acme.admin, |cx, actor| sales_objectives::app::admin::teams::change(cx, actor, south, lead_it));
    let found = overview_at(&app, manager, "name", wednesday_noon());
    assert_eq!(names(&found), ["Rosa Rep"], "the team Mara leads (she holds nothing)");
    assert_eq!(found.teams.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["South"]);
    let filters = Filters { date: "2026-12-02".into(), team: "all".into(), sort: "name".into(), ..Filters::default() };
    let everyone = app.run_as(manager, |cx, actor| overview::overview(cx, actor, &filters, wednesday_noon()));
    assert_eq!(names(&everyone), ["Remo Rep", "Rita Rep", "Rosa Rep"]);

    app.login_as(manager).await;
    let page = app.get(&format!("{STATS}?date=2026-12-02")).await.text().await.expect("page");
    assert_eq!(texts(&page, "#team option[selected]"), ["My teams"]);
    assert_eq!(texts(&page, ".overview-table tbody:first-of-type th[scope=row]"), ["Rosa Rep"]);
}

#[tokio::test]
async fn the_running_period_has_a_burn_up_per_holder_and_a_closed_one_has_none() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(2).build();
    let (manager, rita) = (acme.manager(), &acme.reps[0]);
    let id = ObjectiveBuilder::calls(&app, manager, "Calls")
        .targets(&[("week", "10")])
        .held_by(&[rita, &acme.reps[1]])
        .created_at(Utc::now() - chrono::Duration::days(30))
        .create(&app, manager);
    let a_minute_ago = (Utc::now() - chrono::Duration::minutes(1)).with_timezone(&chrono_tz::Europe::Rome);
    let prospect = app.prospect_of(rita, "Bianchi");
    app.log_as(rita, &prospect, "Call", "Reached", &a_minute_ago.format("%Y-%m-%dT%H:%M").to_string());
    app.login_as(manager).await;
    let page = app.get(&format!("{STATS}/{id}?type=activity&period=week")).await.text().await.expect("page");
    assert_eq!(texts(&page, "figure.burn-up").len(), 2, "one per holder");
    assert!(page.contains("So far 1 of 10 this period."), "Rita's burn-up says where she is");
    assert_eq!(page.matches("class=\"chart-expected\"").count(), 2);
    let last_week = (a_minute_ago.date_naive() - chrono::Duration::days(7)).to_string();
    let closed = app.get(&format!("{STATS}/{id}?type=activity&period=week&date={last_week}")).await;
    assert!(texts(&closed.text().await.expect("page"), "figure.burn-up").is_empty());
}
