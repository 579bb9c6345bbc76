//! Control Panel › Account settings: a new time zone or week start recomputes every figure
//! as if the account had always had it (compared with an account born with it and given
//! the same history), fiscal years, working time, the currency rule, bad input, and a
//! time-zone change interrupted by a restart.

use std::time::Duration;

use chrono::{DateTime, Datelike, Utc};
use reqwest::StatusCode;
use sales_objectives::app::objectives::editor;
use sales_objectives::app::settings::holidays::{self, HolidayForm};
use sales_objectives::app::settings::{self, SettingsForm, rebuild};
use sales_objectives::app::statistics::dashboard;
use sales_objectives::app::statistics::scope::Filters;
use sales_objectives::domain::ids::AccountId;
use sales_objectives::domain::role::Role;
use sales_objectives::store::rebuilds;
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, Options, TestApp, input_value, texts};

const SETTINGS: &str = "/control-panel/account";
const STATS: &str = "/statistics/sales-objectives";

/// An account's people: its admin, Mara Manager, Rita Rep and Remo Rep.
struct People {
    admin: UserRow,
    manager: UserRow,
    rita: UserRow,
    remo: UserRow,
}

/// An account set up from the start in `zone` with weeks from `week_start`.
fn born(app: &TestApp, name: &str, domain: &str, zone: &str, week_start: &str) -> People {
    let admin = app.create_account(name, &format!("admin@{domain}"));
    app.execute(&format!(
        "UPDATE accounts SET time_zone = '{zone}', week_start = '{week_start}' WHERE id = {}",
        admin.account_id
    ));
    let person = |who: &str, full: &str, role| app.create_user(name, &format!("{who}@{domain}"), full, role);
    let manager = person("mara", "Mara Manager", Role::Manager);
    let rita = person("rita", "Rita Rep", Role::Rep);
    let remo = person("remo", "Remo Rep", Role::Rep);
    People { admin, manager, rita, remo }
}

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).expect("an RFC 3339 instant").with_timezone(&Utc)
}

/// Moments near midnight in Rome and in New York, across a week's, a month's, a quarter's
/// and a year's edge, and a few in the middle of the day.
const MOMENTS: [&str; 10] = [
    "2026-09-30T22:30:00Z",
    "2026-10-31T23:30:00Z",
    "2026-11-01T04:30:00Z",
    "2026-11-15T12:00:00Z",
    "2026-11-23T03:00:00Z",
    "2026-11-22T23:10:00Z",
    "2026-11-30T23:30:00Z",
    "2026-12-01T04:59:00Z",
    "2026-12-10T15:00:00Z",
    "2026-12-31T23:30:00Z",
];

/// The same history for any account: calls by Rita and Remo at `MOMENTS`, and won leads
/// closed at some of them, imported as the instants they are.
fn history(app: &TestApp, people: &People, domain: &str) {
    let mut activities = String::from("user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n");
    for (n, moment) in MOMENTS.iter().enumerate() {
        let who = if n % 3 == 0 { "remo" } else { "rita" };
        for _ in 0..=n % 2 {
            activities.push_str(&format!("{who}@{domain},Call,Reached,prospect,Bottega {n},,{moment}\n"));
        }
    }
    let mut leads = String::from("title,owner_email,pipeline,status,amount,currency,closed_at\n");
    for (n, moment) in MOMENTS.iter().enumerate().filter(|(n, _)| n % 2 == 0) {
        leads.push_str(&format!("Deal {n},rita@{domain},Sales,won,{}.50,,{moment}\n", 100 * (n + 1)));
    }
    for (kind, file) in [
        (sales_objectives::app::import::ImportKind::Activities, activities),
        (sales_objectives::app::import::ImportKind::Leads, leads),
    ] {
        // Imported once the last of them has come.
        let after = chrono::DateTime::parse_from_rfc3339("2027-01-01T12:00:00Z").expect("instant").to_utc();
        let report = app.run_as_at(&people.admin, after, |cx, actor| {
            sales_objectives::app::import::import(cx, actor, kind, file.as_bytes())
        });
        assert!(report.is_ok(), "{report:?}");
    }
}

/// Calls (weekly and monthly) and Revenue (quarterly and yearly), held by Rita and Remo,
/// set on 1 September 2026.
fn objectives(app: &TestApp, people: &People) {
    let set_on = at("2026-09-01T08:00:00Z");
    let holders = [&people.rita, &people.remo];
    ObjectiveBuilder::calls(app, &people.manager, "Calls")
        .targets(&[("week", "3"), ("month", "10")])
        .held_by(&holders)
        .created_at(set_on)
        .create(app, &people.manager);
    ObjectiveBuilder::revenue("Revenue")
        .targets(&[("quarter", "3000"), ("year", "10000")])
        .held_by(&holders)
        .created_at(set_on)
        .create(app, &people.manager);
}

/// Every figure the CSV export gives over the autumn, without the e-mail column (the two
/// accounts' people have other addresses).
async fn figures(app: &TestApp) -> Vec<String> {
    let mut rows = Vec::new();
    let mut queries = Vec::new();
    for day in ["2026-09-30", "2026-10-01", "2026-10-31", "2026-11-01", "2026-11-22", "2026-11-23", "2026-11-30"] {
        queries.push(format!("type=activity&period=week&date={day}"));
    }
    for day in ["2026-10-15", "2026-11-15", "2026-12-15", "2026-12-31"] {
        queries.push(format!("type=activity&period=month&date={day}"));
    }
    for day in ["2026-09-15", "2026-10-15", "2026-12-31", "2027-01-01"] {
        queries.push(format!("type=sales&period=quarter&date={day}"));
        queries.push(format!("type=sales&period=year&date={day}"));
    }
    for query in queries {
        let response = app.get(&format!("{STATS}.csv?{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        let text = response.text().await.expect("csv");
        for line in text.lines().skip(1) {
            // Without the e-mail (each account has its own) and the pace figures after the
            // period's name, which move with the clock between two reads.
            let cells: Vec<&str> = line.split(',').collect();
            rows.push(format!("{query}: {}", cells.get(1..11).expect("the columns").join(",")));
        }
    }
    rows
}

/// Waits for the account's rebuild to finish (the server's background worker runs it).
async fn rebuilt(app: &TestApp, account: AccountId) {
    for _ in 0..600 {
        if rebuilds::find(&mut app.conn(), account).expect("read").is_none() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the rebuild did not finish within 30 s");
}

/// The settings form as the page fills it, with `changes`.
async fn settings_form(app: &TestApp, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let page = app.get(SETTINGS).await.text().await.expect("page");
    let mut fields: Vec<(String, String)> = ["name", "currency", "time_zone"]
        .iter()
        .map(|name| ((*name).to_owned(), input_value(&page, name).unwrap_or_default()))
        .collect();
    let selected = |name: &str| texts(&page, &format!("#{name} option[selected]"));
    assert!(!selected("week_start").is_empty());
    for (field, value) in [("locale", "en"), ("week_start", "monday"), ("fiscal_year_start", "1")] {
        fields.push((field.to_owned(), value.to_owned()));
    }
    for day in ["mon", "tue", "wed", "thu", "fri"] {
        fields.push(("working_days".to_owned(), day.to_owned()));
    }
    for (field, value) in changes {
        fields.retain(|(name, _)| name != field);
        fields.push(((*field).to_owned(), (*value).to_owned()));
    }
    fields
}

async fn post_settings(app: &TestApp, changes: &[(&str, &str)]) -> reqwest::Response {
    let fields = settings_form(app, changes).await;
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.submit(SETTINGS, &borrowed).await
}

#[tokio::test]
async fn a_new_time_zone_moves_every_figure_as_if_the_account_had_always_had_it() {
    let app = TestApp::spawn().await;
    let rome = born(&app, "Acme", "acme.example", "Europe/Rome", "monday");
    objectives(&app, &rome);
    history(&app, &rome, "acme.example");
    let new_york = app.another_browser();
    let born_there = born(&app, "Globex", "globex.example", "America/New_York", "monday");
    objectives(&app, &born_there);
    history(&app, &born_there, "globex.example");
    new_york.login_as(&born_there.manager).await;
    app.login_as(&rome.admin).await;
    let before = figures(&app).await;
    assert_ne!(before, figures(&new_york).await, "the zones disagree on some days");

    let response = post_settings(&app, &[("time_zone", "America/New_York")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{:?}", response.text().await);
    rebuilt(&app, rome.admin.account_id).await;

    assert_eq!(figures(&app).await, figures(&new_york).await);
    assert_eq!(app.differences(), 0);
    let page = app.get(SETTINGS).await.text().await.expect("page");
    assert_eq!(input_value(&page, "time_zone").as_deref(), Some("America/New_York"));
    let audit = app.get("/admin/audit").await.text().await.expect("audit");
    assert!(audit.contains("Europe/Rome") && audit.contains("America/New_York"), "the change is audited");
}

/// Rita's own weekly target of "Calls" (7 from Monday 23 November: from that day in weeks
/// from Monday, from the day before in weeks from Sunday) and team Nord's (Rita and Remo; 6
/// a week from the start, 8 from that Monday, 25 a month).
fn own_and_team_targets(app: &TestApp, people: &People) {
    use sales_objectives::app::admin::teams::{self, TeamChange};
    use sales_objectives::app::objectives::{holder_targets, period_targets::PeriodTargetsForm, team_objectives};
    let weekly = |target: &str| PeriodTargetsForm { target_week: Some(target.into()), ..PeriodTargetsForm::default() };
    let calls = sales_objectives::store::objectives::find_by_name(&mut app.conn(), people.admin.account_id, "Calls")
        .expect("read")
        .expect("Calls")
        .id;
    let monday = at("2026-11-23T10:00:00Z");
    let form = weekly("7");
    app.run_as_at(&people.manager, monday, |cx, actor| holder_targets::set(cx, actor, calls, people.rita.id, &form));
    let early = at("2026-09-01T08:00:00Z");
    app.run_as_at(&people.admin, early, |cx, actor| teams::create(cx, actor, "Nord"));
    let nord = sales_objectives::store::teams::find_by_name(&mut app.conn(), people.admin.account_id, "Nord")
        .expect("read")
        .expect("Nord")
        .id;
    for rep in [&people.rita, &people.remo] {
        let id = rep.id.to_string();
        app.run_as_at(&people.admin, early, |cx, actor| teams::change(cx, actor, nord, TeamChange::AddMember(&id)));
    }
    let monthly = |form: PeriodTargetsForm| PeriodTargetsForm { target_month: Some("25".into()), ..form };
    let (first, then) = (monthly(weekly("6")), monthly(weekly("8")));
    app.run_as_at(&people.manager, early, |cx, actor| {
        team_objectives::assign(cx, actor, calls, &nord.to_string(), &first)
    });
    app.run_as_at(&people.manager, monday, |cx, actor| team_objectives::set_targets(cx, actor, calls, nord, &then));
}

#[tokio::test]
async fn a_new_week_start_reads_every_week_and_target_as_an_account_born_with_it() {
    let app = TestApp::spawn().await;
    let monday = born(&app, "Acme", "acme.example", "Europe/Rome", "monday");
    let sunday = born(&app, "Globex", "globex.example", "Europe/Rome", "sunday");
    for (people, domain) in [(&monday, "acme.example"), (&sunday, "globex.example")] {
        objectives(&app, people);
        history(&app, people, domain);
        // The weekly target raised on Sunday 22 November and again on Wednesday 25.
        for (moment, target) in [("2026-11-22T10:00:00Z", "4"), ("2026-11-25T10:00:00Z", "5")] {
            let objective =
                sales_objectives::store::objectives::find_by_name(&mut app.conn(), people.admin.account_id, "Calls")
                    .expect("read")
                    .expect("Calls");
            let form = ObjectiveBuilder::calls(&app, &people.manager, "Calls")
                .targets(&[("week", target), ("month", "10")])
                .form();
            app.run_as_at(&people.manager, at(moment), |cx, actor| editor::update(cx, actor, objective.id, &form));
        }
        // Rita's own weekly target and team Nord's, both changed on the Monday after.
        own_and_team_targets(&app, people);
    }
    let born_sunday = app.another_browser();
    born_sunday.login_as(&sunday.manager).await;
    app.login_as(&monday.admin).await;
    assert_ne!(figures(&app).await, figures(&born_sunday).await);

    let response = post_settings(&app, &[("week_start", "sunday")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(rebuilds::find(&mut app.conn(), monday.admin.account_id).expect("read").is_none(), "no rebuild");

    assert_eq!(figures(&app).await, figures(&born_sunday).await);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_fiscal_year_from_april_names_and_bounds_quarters_and_years() {
    let app = TestApp::spawn().await;
    let people = born(&app, "Acme", "acme.example", "Europe/Rome", "monday");
    objectives(&app, &people);
    app.login_as(&people.admin).await;
    assert_eq!(post_settings(&app, &[("fiscal_year_start", "4")]).await.status(), StatusCode::SEE_OTHER);

    let row = |csv: String| csv.lines().nth(1).map(str::to_owned).expect("a row");
    let app = &app;
    let csv = |query: &'static str| async move {
        app.get(&format!("{STATS}.csv?type=sales&{query}")).await.text().await.expect("csv")
    };
    let q4 = row(csv("period=quarter&date=2026-03-31").await);
    assert!(q4.contains(",quarter,2026-01-01,2026-04-01,") && q4.contains(",FY2026 Q4,"), "{q4}");
    let q1 = row(csv("period=quarter&date=2026-04-01").await);
    assert!(q1.contains(",quarter,2026-04-01,2026-07-01,") && q1.contains(",FY2027 Q1,"), "{q1}");
    let year = row(csv("period=year&date=2027-03-31").await);
    assert!(year.contains(",year,2026-04-01,2027-04-01,") && year.contains(",FY2027,"), "{year}");
    let page = app.get(&format!("{STATS}?type=sales&period=quarter&date=2026-12-31")).await.text().await.expect("page");
    assert_eq!(texts(&page, ".period-title strong"), ["FY2027 Q3"]);
    assert_eq!(texts(&page, "#period option"), ["Fiscal quarter", "Fiscal year"]);
}

#[tokio::test]
async fn a_holiday_inside_the_week_lowers_what_is_expected_by_now() {
    let app = TestApp::spawn().await;
    let people = born(&app, "Acme", "acme.example", "Europe/Rome", "monday");
    ObjectiveBuilder::calls(&app, &people.manager, "Calls")
        .targets(&[("week", "10")])
        .held_by(&[&people.rita])
        .create(&app, &people.manager);
    // Next week, which the objective holds from its start (in winter, Rome is UTC+1).
    let today = Utc::now().date_naive();
    let monday = today + chrono::Duration::days(7 - i64::from(today.weekday().num_days_from_monday()));
    let wednesday = monday + chrono::Duration::days(2);
    let filters =
        Filters { kind: "activity".into(), period: "week".into(), date: wednesday.to_string(), ..Filters::default() };
    let rome = chrono_tz::Europe::Rome;
    let noon = wednesday.and_hms_opt(12, 0, 0).and_then(|t| t.and_local_timezone(rome).single()).expect("noon");
    let wednesday_noon = noon.with_timezone(&Utc);
    let expected = |app: &TestApp| {
        let dashboard =
            app.run_as(&people.manager, |cx, actor| dashboard::dashboard(cx, actor, &filters, wednesday_noon));
        let progress = dashboard.tables[0].lines[0].progress;
        (progress.expected, progress.needed_per_day)
    };
    assert_eq!(expected(&app), (5.0, Some(10.0 / 2.5)), "2.5 of 5 working days gone");

    let tuesday = (monday + chrono::Duration::days(1)).to_string();
    let holiday = HolidayForm { day: tuesday, name: "Immacolata".into() };
    app.run_as(&people.admin, |cx, actor| holidays::set(cx, actor, &holiday));
    assert_eq!(expected(&app), (3.75, Some(10.0 / 2.5)), "1.5 of 4 working days gone");
}

#[tokio::test]
async fn the_currency_changes_only_while_no_amount_is_recorded() {
    let app = TestApp::spawn().await;
    let people = born(&app, "Acme", "acme.example", "Europe/Rome", "monday");
    app.login_as(&people.admin).await;
    assert_eq!(post_settings(&app, &[("currency", "CHF")]).await.status(), StatusCode::SEE_OTHER);
    history(&app, &people, "acme.example");

    let refused = post_settings(&app, &[("currency", "USD"), ("name", "Acme Renamed")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("page");
    assert_eq!(
        texts(&page, "#currency-error"),
        ["Amounts are recorded in CHF: the currency cannot change (amounts are never converted)."]
    );
    assert_eq!(input_value(&page, "currency").as_deref(), Some("USD"), "the form keeps what was typed");
    assert_eq!(input_value(&page, "name").as_deref(), Some("Acme Renamed"));
    let account = app.account_of(&people.admin);
    assert_eq!((account.currency.as_str(), account.name.as_str()), ("CHF", "Acme"), "nothing half-written");
}

#[tokio::test]
async fn bad_settings_answer_the_form_with_each_error_by_its_field() {
    let app = TestApp::spawn().await;
    let people = born(&app, "Acme", "acme.example", "Europe/Rome", "monday");
    app.login_as(&people.admin).await;
    let before = app.account_of(&people.admin);

    let refused = post_settings(
        &app,
        &[
            ("time_zone", "Mars/Olympus"),
            ("week_start", "someday"),
            ("fiscal_year_start", "13"),
            ("working_days", "funday"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("page");
    assert_eq!(texts(&page, "#time_zone-error"), ["“Mars/Olympus” is not an IANA time zone such as Europe/Rome."]);
    assert_eq!(texts(&page, "#week_start-error").len(), 1);
    assert_eq!(
        texts(&page, "#fiscal_year_start-error"),
        ["The fiscal year starts in a month from 1 (January) to 12 (December)."]
    );
    assert_eq!(texts(&page, "#working_days-error"), ["“funday” is not a day of the week such as mon or monday."]);
    assert_eq!(input_value(&page, "time_zone").as_deref(), Some("Mars/Olympus"));
    let no_days = post_settings(&app, &[]).await;
    assert_eq!(no_days.status(), StatusCode::SEE_OTHER, "the form as shown saves");
    let fields: Vec<(String, String)> =
        settings_form(&app, &[]).await.into_iter().filter(|(k, _)| k != "working_days").collect();
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let none = app.submit(SETTINGS, &borrowed).await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&none.text().await.expect("page"), "#working_days-error"), ["Choose at least one working day."]);
    assert_eq!(app.account_of(&people.admin).settings(), before.settings());

    let manager = app.another_browser();
    manager.login_as(&people.manager).await;
    assert_eq!(manager.get(SETTINGS).await.status(), StatusCode::FORBIDDEN, "admins only");
}

#[tokio::test]
async fn a_time_zone_change_interrupted_by_a_restart_is_resumed_and_meanwhile_figures_wait() {
    let first = TestApp::spawn_with(Options { no_background_rebuilds: true, ..Options::default() }).await;
    let people = born(&first, "Acme", "acme.example", "Europe/Rome", "monday");
    objectives(&first, &people);
    // More than one batch of activities, at every hour of every day of November.
    let mut file = String::from("user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n");
    let start = at("2026-11-01T00:20:00Z");
    for n in 0..2_600i64 {
        let moment = start + chrono::Duration::minutes(17 * n);
        file.push_str(&format!("rita@acme.example,Call,Reached,prospect,Bottega,,{}\n", moment.to_rfc3339()));
    }
    let imported = first.run_as(&people.admin, |cx, actor| {
        sales_objectives::app::import::import(
            cx,
            actor,
            sales_objectives::app::import::ImportKind::Activities,
            file.as_bytes(),
        )
    });
    assert!(imported.is_ok());
    let form =
        SettingsForm { time_zone: "America/New_York".into(), ..SettingsForm::of(&first.account_of(&people.admin)) };
    let saved = first.run_as(&people.admin, |cx, actor| settings::change(cx, actor, &form));
    assert!(saved.rebuilding);
    let account = people.admin.account_id;
    assert!(first.run_as(&people.admin, |cx, _| rebuild::step(cx, account)), "one batch moved, more to go");
    let halfway = rebuilds::find(&mut first.conn(), account).expect("read").expect("still running");
    assert!((1..100).contains(&halfway.percent()), "{}", halfway.percent());
    assert_eq!(first.differences(), 0, "buckets and rows agree between batches");

    first.login_as(&people.manager).await;
    let waiting = first.get(&format!("{STATS}?type=activity&period=month")).await;
    assert_eq!(waiting.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(waiting.text().await.expect("page").contains("Figures being recomputed"));
    let again = first.another_browser();
    again.login_as(&people.admin).await;
    let refused = post_settings(&again, &[("week_start", "sunday")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "no second change while one runs");
    // Logged meanwhile: counted in the new zone at once.
    let prospect = first.prospect_of(&people.rita, "Meanwhile");
    first.log_as(&people.rita, &prospect, "Call", "Reached", "2026-11-30T22:30");

    // The first server stops; the next resumes where the last batch committed.
    let second = first.restarted(Options::default());
    rebuilt(&second, account).await;
    assert_eq!(second.differences(), 0);
    second.login_as(&people.manager).await;
    let rows = figures(&second).await;
    let born_there = born(&second, "Globex", "globex.example", "America/New_York", "monday");
    objectives(&second, &born_there);
    let globex_file = file.replace("rita@acme.example", "rita@globex.example");
    let imported = second.run_as(&born_there.admin, |cx, actor| {
        sales_objectives::app::import::import(
            cx,
            actor,
            sales_objectives::app::import::ImportKind::Activities,
            globex_file.as_bytes(),
        )
    });
    assert!(imported.is_ok());
    let prospect = second.prospect_of(&born_there.rita, "Meanwhile");
    second.log_as(&born_there.rita, &prospect, "Call", "Reached", "2026-11-30T22:30");
    let globex = second.another_browser();
    globex.login_as(&born_there.manager).await;
    assert_eq!(rows, figures(&globex).await);
}

#[test]
fn the_command_line_sets_the_same_settings_and_applies_a_new_zone_at_once() {
    let cli = crate::cli::Cli::new();
    assert!(cli.create_account("Acme", "admin@acme.example").status.success());
    let output = cli.run(&[
        "account",
        "set",
        "--account",
        "Acme",
        "--time-zone",
        "America/New_York",
        "--week-start",
        "sunday",
        "--fiscal-year-start",
        "4",
        "--working-days",
        "mon-thu",
    ]);
    assert!(output.status.success(), "{output:?}");
    let printed = crate::cli::stdout(&output);
    assert!(
        printed.contains("Saved the settings of \"Acme\"") && printed.contains("Recomputed the history"),
        "{printed}"
    );
    let bad = cli.run(&["account", "set", "--account", "Acme", "--fiscal-year-start", "13"]);
    assert!(!bad.status.success());
    let error = String::from_utf8_lossy(&bad.stderr);
    assert!(error.contains("fiscal_year_start: The fiscal year starts in a month from 1"), "{error}");
    assert!(cli.run(&["verify", "--account", "Acme"]).status.success());
}
