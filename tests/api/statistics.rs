use chrono::Utc;
use reqwest::StatusCode;
use sales_objectives::app::admin::users;
use sales_objectives::app::import::{self, ImportKind};
use sales_objectives::app::objectives::{ObjectiveForm, assignments, editor};
use sales_objectives::app::recording::leads::{self, LeadForm};
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, texts};

const STATS: &str = "/statistics/sales-objectives";

struct World {
    admin: UserRow,
    manager: UserRow,
    rita: UserRow,
    remo: UserRow,
}

/// Acme with Mara Manager, signed in, and two reps.
async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(2).build();
    app.login_as(acme.manager()).await;
    let [rita, remo] = <[UserRow; 2]>::try_from(acme.reps).expect("two reps");
    let manager = acme.managers.into_iter().next().expect("a manager");
    World { admin: acme.admin, manager, rita, remo }
}

/// The CSV rows (without header) for a query, as (user_email, objective, period_start, period_end, achieved, target, percent).
async fn csv(app: &TestApp, query: &str) -> Vec<Vec<String>> {
    let response = app.get(&format!("{STATS}.csv?{query}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.expect("body");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "user_email,user_name,objective,kind,period,period_start,period_end,achieved,target,percent,period_name,\
             expected,gap,needed_per_working_day,standing,forecast,pipeline_forecast,target_set_for"
        )
    );
    lines.map(|l| l.split(',').map(str::to_owned).collect()).collect()
}

fn row<'a>(rows: &'a [Vec<String>], email: &str, objective: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == email && r[2] == objective)
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("no row for {email} {objective}: {rows:?}"))
}

#[tokio::test]
async fn the_csv_carries_pace_standing_and_a_total_and_offers_semicolons() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let january = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, 1, 0, 0, 0).single().expect("a moment");
    ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("week", "10")])
        .held_by(&[&w.rita, &w.remo])
        .created_at(january)
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    for at in ["2026-11-16T09:00", "2026-11-18T09:00", "2026-11-20T09:00"] {
        app.log_as(&w.rita, &p, "Call", "Reached", at);
    }
    let query = "type=activity&period=week&date=2026-11-18";

    let rows = csv(&app, query).await;
    let week = ["activity", "week", "2026-11-16", "2026-11-23"];
    let tail = |achieved: &str, target: &str, percent: &str, (expected, gap): (&str, &str), set_for: &str| {
        let mut cells: Vec<String> = week.iter().map(|c| (*c).to_owned()).collect();
        let pace = [achieved, target, percent, "Week of 16 Nov 2026", expected, gap, "", "missed", "", "", set_for];
        cells.extend(pace.map(str::to_owned));
        cells
    };
    let rita = tail("3", "10", "30.0", ("10.00", "-7.00"), "objective");
    assert_eq!(row(&rows, "rita@acme.example", "Calls")[3..], rita[..]);
    let total = rows.iter().find(|r| r[0].is_empty() && r[1] == "Total").expect("a total row");
    assert_eq!(total[2], "Calls");
    assert_eq!(total[3..], tail("3", "20", "15.0", ("20.00", "-17.00"), "")[..]);

    let response = app.get(&format!("{STATS}.csv?{query}&separator=semicolon")).await;
    assert_eq!(
        response.headers().get("content-disposition").and_then(|v| v.to_str().ok()),
        Some("attachment; filename=\"sales-objectives-activity-week-2026-11-16.csv\"")
    );
    let text = response.text().await.expect("body");
    assert!(text.starts_with("user_email;user_name;objective;"), "{text}");
    assert!(text.contains(";3;10;30,0;Week of 16 Nov 2026;10,00;-7,00;;missed;;"), "{text}");
}

#[tokio::test]
async fn weeks_follow_the_accounts_week_start() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    app.execute("UPDATE accounts SET week_start = 'sunday'");
    ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("week", "5")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-21T18:00"); // a Saturday: the week before
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-22T09:00"); // Sunday: the week starts
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-28T23:59"); // Saturday night: still in it

    let rows = csv(&app, "type=activity&period=week&date=2026-11-25").await;

    let r = row(&rows, "rita@acme.example", "Calls");
    assert_eq!((&r[5][..], &r[6][..], &r[7][..], &r[8][..], &r[9][..]), ("2026-11-22", "2026-11-29", "2", "5", "40.0"));
}

#[tokio::test]
async fn a_daylight_saving_week_in_rome_counts_by_local_time() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("week", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-10-19T00:00"); // the week's first minute
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-10-25T03:30"); // after the clocks went back
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-10-25T23:30"); // 22:30 UTC: still Sunday in Rome
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-10-26T00:30"); // Monday in Rome, Sunday in UTC

    let rows = csv(&app, "type=activity&period=week&date=2026-10-21").await;
    let r = row(&rows, "rita@acme.example", "Calls");
    assert_eq!((&r[5][..], &r[6][..], &r[7][..]), ("2026-10-19", "2026-10-26", "3"));
    let next = csv(&app, "type=activity&period=week&date=2026-10-26").await;
    assert_eq!(row(&next, "rita@acme.example", "Calls")[7], "1");
}

#[tokio::test]
async fn revenue_counts_by_quarter_and_year_with_corrections_and_credit_kept() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    ObjectiveBuilder::revenue("Revenue")
        .targets(&[("year", "100000"), ("quarter", "30000")])
        .held_by(&[&w.rita, &w.remo])
        .create(&app, &w.manager);
    let sales = app.pipeline_id(&w.manager, "Sales");
    let lead = |title: &str, amount: &str, closed: &str| LeadForm {
        title: title.into(),
        pipeline_id: sales.clone(),
        amount: amount.into(),
        status: "won".into(),
        closed_at: closed.into(),
        ..LeadForm::default()
    };
    let create = |form: LeadForm| app.run_as(&w.rita, |cx, actor| leads::create(cx, actor, &form));
    create(lead("Q3 deal", "1000", "2026-09-30T23:30"));
    let q4 = create(lead("Q4 deal", "2500.50", "2026-10-01T00:30"));
    let reopened = create(lead("Reopened", "999", "2026-10-02T10:00"));
    let redated = create(lead("Re-dated", "400", "2026-10-03T10:00"));
    // Reopen one, move another into the third quarter, then give the Q4 deal to Remo.
    let update = |by: &UserRow, id, form: LeadForm| app.run_as(by, |cx, actor| leads::update(cx, actor, id, &form));
    update(&w.rita, reopened.id, LeadForm { status: "todo".into(), ..lead("Reopened", "999", "") });
    update(&w.rita, redated.id, lead("Re-dated", "400", "2026-09-15T10:00"));
    let mut given = lead("Q4 deal", "2500.50", "2026-10-01T00:30");
    given.owner_id = w.remo.id.to_string();
    update(&w.manager, q4.id, given);

    let q3 = csv(&app, "type=sales&period=quarter&date=2026-08-01").await;
    assert_eq!(
        &row(&q3, "rita@acme.example", "Revenue")[5..11],
        ["2026-07-01", "2026-10-01", "1400.00", "30000.00", "4.7", "Q3 2026"]
    );
    let q4 = csv(&app, "type=sales&period=quarter&date=2026-11-01").await;
    assert_eq!(
        &row(&q4, "rita@acme.example", "Revenue")[7..10],
        ["2500.50", "30000.00", "8.3"],
        "credit stays with who won it"
    );
    assert_eq!(row(&q4, "remo@acme.example", "Revenue")[7], "0.00");
    let year = csv(&app, "type=sales&period=year&date=2026-11-01").await;
    assert_eq!(&row(&year, "rita@acme.example", "Revenue")[5..8], ["2026-01-01", "2027-01-01", "3900.50"]);
}

#[tokio::test]
async fn activities_outside_the_context_pipeline_or_results_do_not_count() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let account = app.account_of(&w.manager);
    sales_objectives::store::pipelines::insert(&mut app.conn(), account.id, "Renewals", Utc::now().naive_utc())
        .expect("pipeline");
    let sales = app.pipeline_id(&w.manager, "Sales");
    ObjectiveBuilder::calls(&app, &w.manager, "Lead calls in Sales")
        .on("leads")
        .edit(|form| form.pipeline_id = sales)
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    let lead_in = |pipeline: &str, title: &str| {
        let form =
            LeadForm { title: title.into(), pipeline_id: app.pipeline_id(&w.manager, pipeline), ..LeadForm::default() };
        let lead = app.run_as(&w.rita, |cx, actor| leads::create(cx, actor, &form));
        format!("lead:{}", lead.id)
    };
    let sales_lead = lead_in("Sales", "In Sales");
    let renewal = lead_in("Renewals", "In Renewals");
    app.log_as(&w.rita, &sales_lead, "Call", "Reached", "2026-11-10T10:00"); // counts
    app.log_as(&w.rita, &sales_lead, "Call", "Voicemail", "2026-11-10T10:00"); // another result
    app.log_as(&w.rita, &renewal, "Call", "Reached", "2026-11-10T10:00"); // another pipeline
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-10T10:00"); // a prospect

    let rows = csv(&app, "type=activity&period=month&date=2026-11-10").await;
    assert_eq!(row(&rows, "rita@acme.example", "Lead calls in Sales")[7], "1");
}

#[tokio::test]
async fn an_archived_objective_leaves_the_dashboard_stays_readable_and_a_changed_target_leaves_old_periods_alone() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let kept = ObjectiveBuilder::calls(&app, &w.manager, "Kept")
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let archived = ObjectiveBuilder::calls(&app, &w.manager, "Archived")
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    app.run_as(&w.manager, |cx, actor| editor::set_archived(cx, actor, archived, true));
    // The target was 10 since January; raise it to 12 now.
    app.execute(&format!("UPDATE objective_targets SET effective_from = '2026-01-01' WHERE objective_id = {kept}"));
    let raised = ObjectiveBuilder::calls(&app, &w.manager, "Kept").targets(&[("month", "12")]).form();
    app.run_as(&w.manager, |cx, actor| editor::update(cx, actor, kept, &raised));

    let this_month = csv(&app, "type=activity&period=month").await;
    assert_eq!(this_month.iter().map(|r| r[2].as_str()).collect::<Vec<_>>(), ["Kept"], "the archived one is hidden");
    assert_eq!(row(&this_month, "rita@acme.example", "Kept")[8], "12");
    let march = csv(&app, "type=activity&period=month&date=2026-03-15").await;
    assert_eq!(row(&march, "rita@acme.example", "Kept")[8], "10", "a closed period keeps its target");
    // Its results stay readable, marked archived, with nothing to change there.
    let detail = app.get(&format!("{STATS}/{archived}?type=activity&period=month")).await;
    assert_eq!(detail.status(), StatusCode::OK);
    let html = detail.text().await.expect("detail");
    assert_eq!(texts(&html, "h1 .badge"), ["Archived"]);
    assert!(texts(&html, "main form[method=post]").is_empty(), "read-only");
}

#[tokio::test]
async fn the_dashboard_swaps_a_fragment_for_htmx_and_serves_the_whole_page_otherwise() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("day", "2"), ("week", "8")])
        .held_by(&[&w.rita, &w.remo])
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    app.log_as(&w.rita, &p, "Call", "Reached", "");

    let page = app.get(&format!("{STATS}?type=activity&period=week")).await.text().await.expect("body");
    assert!(page.contains("<html") && page.contains(r#"id="statistics""#));
    assert_eq!(texts(&page, "#period option"), ["Day", "Week"], "only the periods the objectives use");
    assert_eq!(texts(&page, ".progress-table tbody th"), ["Remo Rep", "Rita Rep"]);
    assert_eq!(texts(&page, ".progress-table tfoot th"), ["Total"]);
    assert!(page.contains("Europe/Rome time"));

    let fragment = app.get_htmx(&format!("{STATS}?type=activity&period=week")).await.text().await.expect("body");
    assert!(!fragment.contains("<html") && fragment.trim_start().starts_with(r#"<div id="statistics">"#));
    let restore = app
        .client
        .get(app.url(&format!("{STATS}?type=activity&period=week")))
        .header("HX-Request", "true")
        .header("HX-History-Restore-Request", "true")
        .send()
        .await
        .expect("sent");
    assert!(restore.text().await.expect("body").contains("<html"), "the back button gets the whole page");
}

#[tokio::test]
async fn a_rep_reads_only_their_own_figures() {
    let mut app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("day", "2")])
        .held_by(&[&w.rita, &w.remo])
        .create(&app, &w.manager);
    app.new_browser();
    app.login_as(&w.rita).await;

    assert_eq!(app.get(STATS).await.status(), StatusCode::FORBIDDEN);
    let rows = csv(&app, "type=activity&period=day").await;
    assert_eq!(rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["rita@acme.example"]);
    for path in [
        format!("{STATS}.csv?user={}", w.remo.id),
        format!("{STATS}/{id}?user={}", w.remo.id),
        format!("{STATS}/{id}?team=1"),
    ] {
        assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let detail = app.get(&format!("{STATS}/{id}")).await.text().await.expect("body");
    assert!(detail.contains("Rita Rep") && !detail.contains("Remo Rep"));
    let mine = app.get("/me/objectives").await.text().await.expect("body");
    assert_eq!(texts(&mine, ".objective-card h2"), ["Calls"]);
}

#[tokio::test]
async fn the_detail_lists_the_records_behind_the_figure() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica Vitale");
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-10T10:15");
    app.log_as(&w.rita, &p, "Call", "Voicemail", "2026-11-11T10:15");

    let page =
        app.get(&format!("{STATS}/{id}?type=activity&period=month&date=2026-11-10")).await.text().await.expect("body");

    assert_eq!(
        texts(&page, ".records tbody td"),
        ["2026-11-10 10:15", "Rita Rep", "Call · Reached", "Prospect · Ottica Vitale"]
    );
    assert!(page.contains("<svg"), "a chart of the last periods");
    assert!(page.contains(r#"shown, target reached in "#), "a summary for screen readers");
}

#[tokio::test]
async fn the_demo_opens_on_a_populated_dashboard() {
    let app = TestApp::spawn().await;
    app.load_demo();
    app.login("marco.bianchi@demo-srl.example", "a good password").await;
    let page = app.get(&format!("{STATS}?type=activity&period=month")).await.text().await.expect("body");
    assert!(texts(&page, ".progress-table tbody tr").len() >= 6);
    let rep = app.another_browser();
    let response = rep.login("luca.rossi@demo-srl.example", "a good password").await;
    assert_eq!(crate::helpers::location(&response), "/me/objectives");
    let mine = rep.get("/me/objectives").await.text().await.expect("body");
    assert!(texts(&mine, ".objective-card").len() >= 5);
}

#[tokio::test]
async fn a_period_no_objective_of_the_type_uses_falls_back_to_the_shortest_used() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    ObjectiveBuilder::revenue("Revenue")
        .targets(&[("year", "100000"), ("quarter", "30000")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let page = app.get(&format!("{STATS}?type=sales&period=week")).await.text().await.expect("body");
    assert_eq!(texts(&page, "#period option"), ["Quarter", "Year"]);
    assert_eq!(texts(&page, "#period option[selected]"), ["Quarter"]);
}

#[tokio::test]
async fn an_italian_reader_gets_the_statistics_in_italian_and_the_csv_unchanged() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let account = app.account_of(&w.manager);
    let id = ObjectiveBuilder::revenue("Fatturato")
        .targets(&[("quarter", "30000"), ("year", "100000")])
        .held_by(&[&w.rita, &w.remo])
        .create(&app, &w.manager);
    let won = LeadForm {
        title: "Ottica Vitale".into(),
        pipeline_id: app.pipeline_id(&w.manager, "Sales"),
        amount: "1250.50".into(),
        status: "won".into(),
        closed_at: "2026-11-10T10:00".into(),
        ..LeadForm::default()
    };
    app.run_as(&w.rita, |cx, actor| leads::create(cx, actor, &won));
    app.execute(&format!("UPDATE accounts SET locale = 'it' WHERE id = {}", account.id));
    let query = "type=sales&period=quarter&date=2026-11-10";

    let page = app.get(&format!("{STATS}?{query}")).await.text().await.expect("body");
    assert_eq!(texts(&page, "#period option"), ["Trimestre", "Anno"]);
    assert_eq!(texts(&page, ".period-title strong"), ["4º trimestre 2026"]);
    assert!(page.contains("gio 1 ott 2026 00:00 → ven 1 gen 2027 00:00 (fine esclusa), fuso orario Europe/Rome"));
    assert_eq!(texts(&page, ".progress-table tfoot th"), ["Totale"]);
    let rita: Vec<String> =
        texts(&page, ".progress-table tbody tr").into_iter().filter(|row| row.starts_with("Rita Rep")).collect();
    assert_eq!(rita.len(), 1);
    // At a glance, whole euros; the detail and the CSV keep the cents.
    assert!(rita[0].contains("1.251 € / 30.000 €") && rita[0].contains("4,2%"), "{}", rita[0]);
    assert_eq!(texts(&page, ".progress-table thead th")[1], "Raggiunto / target");

    let activity = app.get_htmx(&format!("{STATS}?type=activity")).await.text().await.expect("body");
    assert_eq!(
        texts(&activity, ".empty p"),
        [
            "Nessun obiettivo basato sull'attività ha un target per questo periodo. Scegli un altro periodo o tipo.",
            "Imposta gli obiettivi in Pannello di controllo › Obiettivi di vendita"
        ]
    );
    let fragment = app.get_htmx(&format!("{STATS}?{query}")).await.text().await.expect("body");
    assert_eq!(texts(&fragment, ".progress-table tfoot th"), ["Totale"], "the htmx fragment is in Italian too");

    let rows = csv(&app, query).await;
    assert_eq!(
        &row(&rows, "rita@acme.example", "Fatturato")[4..11],
        ["quarter", "2026-10-01", "2027-01-01", "1250.50", "30000.00", "4.2", "Q4 2026"]
    );

    let detail = app.get(&format!("{STATS}/{id}?{query}")).await.text().await.expect("body");
    assert!(detail.contains("4º trimestre 2026: gio 1 ott 2026 → ven 1 gen 2027 (fine esclusa)."));
    assert_eq!(texts(&detail, ".records tbody td")[3..], ["Ottica Vitale", "1.250,50 €"]);
    assert!(detail.contains("Per pipeline") && detail.contains("Barre: raggiunto; linea: target."));
    assert!(detail.contains(r#", target raggiunto in "#));

    let rep = app.another_browser();
    rep.login_as(&w.rita).await;
    let mine = rep.get("/me/objectives").await.text().await.expect("body");
    let periods = texts(&mine, ".objective-card header span");
    assert!(periods.iter().any(|p| p.starts_with("Trimestre · ")) && periods.iter().any(|p| p.starts_with("Anno · ")));
    assert!(mine.contains("Atteso a oggi") && mine.contains("fuso orario Europe/Rome"));
}

#[tokio::test]
async fn changing_what_an_objective_counts_recounts_its_history_and_renaming_keeps_it() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let calls = ObjectiveBuilder::calls(&app, &w.manager, "Calls").targets(&[("month", "10"), ("year", "100")]);
    let form = calls.form();
    let id = calls.held_by(&[&w.rita]).create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-10-05T10:00");
    app.log_as(&w.rita, &p, "Call", "Voicemail", "2026-10-06T10:00");
    app.log_as(&w.rita, &p, "Call", "Voicemail", "2026-10-07T10:00");
    let achieved = async || {
        row(&csv(&app, "type=activity&period=month&date=2026-10-15").await, "rita@acme.example", "Calls")[7].clone()
    };
    assert_eq!(achieved().await, "1");

    // Counting the voicemails instead: the past is recounted.
    let save = |form: &ObjectiveForm| app.run_as(&w.manager, |cx, actor| editor::update(cx, actor, id, form));
    let (_, voicemail) = app.outcome_id(&w.manager, "Call", "Voicemail");
    let voicemails = ObjectiveForm { outcome_ids: vec![voicemail], ..form.clone() };
    save(&voicemails);
    assert_eq!(achieved().await, "2");

    // The whole action, on leads only: the prospect's calls no longer count.
    let whole = ObjectiveForm { context: "leads".into(), all_outcomes: "1".into(), ..voicemails.clone() };
    save(&whole);
    assert_eq!(achieved().await, "0");
    let both = ObjectiveForm { context: "both".into(), ..whole.clone() };
    save(&both);
    assert_eq!(achieved().await, "3");

    // A new name keeps the counts, and later activities keep counting.
    let renamed = ObjectiveForm { name: "All calls".into(), ..both };
    save(&renamed);
    app.log_as(&w.rita, &p, "Call", "No answer", "2026-10-08T10:00");
    let rows = csv(&app, "type=activity&period=month&date=2026-10-15").await;
    assert_eq!(row(&rows, "rita@acme.example", "All calls")[7], "4");
    let year = csv(&app, "type=activity&period=year&date=2026-10-15").await;
    assert_eq!(row(&year, "rita@acme.example", "All calls")[7], "4", "the year bucket agrees with its months");
    assert_eq!(app.differences(), 0);

    // A stored total that drifts from the activities is reported.
    app.execute("UPDATE objective_buckets SET count = count + 1 WHERE grain = 'month'");
    assert_eq!(app.differences(), 1);
}

#[tokio::test]
async fn the_detail_splits_the_figure_by_result() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .edit(|form| form.all_outcomes = "1".into())
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica Vitale");
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-10T10:15");
    app.log_as(&w.rita, &p, "Call", "Reached", "2026-11-12T10:15");
    app.log_as(&w.rita, &p, "Call", "Voicemail", "2026-11-11T10:15");

    let page =
        app.get(&format!("{STATS}/{id}?type=activity&period=month&date=2026-11-10")).await.text().await.expect("body");

    let names = texts(&page, "table.breakdown tbody th");
    let values = texts(&page, "table.breakdown tbody td");
    let split: Vec<(String, String)> = names.into_iter().zip(values).collect();
    assert!(split.contains(&("Reached".into(), "2".into())), "{split:?}");
    assert!(split.contains(&("Voicemail".into(), "1".into())), "{split:?}");
    assert!(split.contains(&("No answer".into(), "0".into())), "{split:?}");
}

#[tokio::test]
async fn the_team_and_user_filters_keep_their_people_and_only_their_figures() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let team = app.team(&w.admin, "Nord", &[&w.rita]);
    ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("year", "100")])
        .held_by(&[&w.rita, &w.remo])
        .create(&app, &w.manager);
    let (for_rita, for_remo) = (app.prospect_of(&w.rita, "Ottica"), app.prospect_of(&w.remo, "Forno"));
    for day in ["2026-02-03", "2026-11-10"] {
        app.log_as(&w.rita, &for_rita, "Call", "Reached", &format!("{day}T10:00"));
    }
    for day in ["2026-03-04", "2026-06-05", "2026-11-11"] {
        app.log_as(&w.remo, &for_remo, "Call", "Reached", &format!("{day}T10:00"));
    }

    let everyone = csv(&app, "type=activity&period=year&date=2026-11-10").await;
    assert_eq!(row(&everyone, "rita@acme.example", "Calls")[7], "2");
    assert_eq!(row(&everyone, "remo@acme.example", "Calls")[7], "3");

    let nord = csv(&app, &format!("type=activity&period=year&date=2026-11-10&team={team}")).await;
    assert_eq!(nord.len(), 1, "only the team's member: {nord:?}");
    assert_eq!(row(&nord, "rita@acme.example", "Calls")[7], "2");

    let remo_only = csv(&app, &format!("type=activity&period=year&date=2026-11-10&user={}", w.remo.id)).await;
    assert_eq!(remo_only.len(), 1, "only the chosen user: {remo_only:?}");
    assert_eq!(row(&remo_only, "remo@acme.example", "Calls")[7], "3");

    let page = app.get(&format!("{STATS}?type=activity&period=year&date=2026-11-10&team={team}")).await;
    let text = page.text().await.expect("body");
    let rows_of = |name: &str| text.contains(&format!("<th scope=\"row\">{name}"));
    assert!(rows_of("Rita Rep") && !rows_of("Remo Rep"), "the team's table has a row for its member only");
}

/// The achieved cell (`1 / 100`) of each row of the dashboard's tables, by name.
fn achieved_by_name(html: &str) -> Vec<(String, String)> {
    let names = texts(html, ".progress-table tbody th");
    let cells = texts(html, ".progress-table tbody td:nth-child(2)");
    names.into_iter().zip(cells).collect()
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter().map(|(name, cell)| ((*name).to_owned(), (*cell).to_owned())).collect()
}

/// The dashboard is kept between views (src/web/statistics/cache.rs): each kind of change
/// to the account shows on the very next view, whole page or htmx fragment.
#[tokio::test]
async fn the_dashboard_shows_each_change_to_the_account_at_once() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let calls = ObjectiveBuilder::calls(&app, &w.manager, "Calls").targets(&[("year", "100")]);
    let raised = ObjectiveBuilder::calls(&app, &w.manager, "Calls").targets(&[("year", "120")]).form();
    let calls_id = calls.held_by(&[&w.rita, &w.remo]).create(&app, &w.manager);
    let p = app.prospect_of(&w.rita, "Ottica");
    let path = format!("{STATS}?type=activity&period=year");
    let view = || async { achieved_by_name(&app.get(&path).await.text().await.expect("body")) };
    assert_eq!(view().await, pairs(&[("Remo Rep", "0 / 100"), ("Rita Rep", "0 / 100")]));
    assert_eq!(view().await, pairs(&[("Remo Rep", "0 / 100"), ("Rita Rep", "0 / 100")]), "a second view");

    app.log_as(&w.rita, &p, "Call", "Reached", "");
    assert_eq!(view().await, pairs(&[("Remo Rep", "0 / 100"), ("Rita Rep", "1 / 100")]), "an activity logged");
    let fragment = app.get_htmx(&path).await.text().await.expect("body");
    assert_eq!(achieved_by_name(&fragment), pairs(&[("Remo Rep", "0 / 100"), ("Rita Rep", "1 / 100")]));

    app.run_as(&w.manager, |cx, actor| editor::update(cx, actor, calls_id, &raised));
    assert_eq!(view().await, pairs(&[("Remo Rep", "0 / 120"), ("Rita Rep", "1 / 120")]), "a new target");

    let csv = format!(
        "user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n\
         remo@acme.example,Call,Reached,prospect,Forno,,{}\n",
        Utc::now().format("%Y-%m-%d 00:00")
    );
    let report = app.run_as(&w.admin, |cx, actor| import::import(cx, actor, ImportKind::Activities, csv.as_bytes()));
    assert!(report.is_ok(), "imported: {report:?}");
    assert_eq!(view().await, pairs(&[("Remo Rep", "1 / 120"), ("Rita Rep", "1 / 120")]), "an import");

    app.run_as(&w.admin, |cx, actor| users::set_active(cx, actor, w.remo.id, false));
    let page = app.get(&path).await.text().await.expect("body");
    assert_eq!(texts(&page, ".progress-table tbody th .badge"), ["Deactivated"], "a user deactivated");

    app.run_as(&w.manager, |cx, actor| assignments::unassign(cx, actor, calls_id, w.remo.id));
    assert_eq!(view().await, pairs(&[("Rita Rep", "1 / 120")]), "an assignment ended");
}

#[tokio::test]
async fn a_reps_way_back_from_a_detail_page_is_a_page_they_may_open() {
    let mut app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = ObjectiveBuilder::calls(&app, &w.manager, "Calls")
        .targets(&[("week", "10")])
        .held_by(&[&w.rita])
        .create(&app, &w.manager);
    let manager_crumb = app.get(&format!("{STATS}/{id}?type=activity&period=week")).await.text().await.expect("body");
    assert!(texts(&manager_crumb, ".crumbs a")[0].starts_with("Statistics"));
    app.new_browser();
    app.login_as(&w.rita).await;
    let html = app.get(&format!("{STATS}/{id}?type=activity&period=week")).await.text().await.expect("body");
    let selector = scraper::Selector::parse(".crumbs a").expect("selector");
    let back = scraper::Html::parse_document(&html)
        .select(&selector)
        .find_map(|a| a.value().attr("href").map(str::to_owned))
        .expect("a way back");
    assert_eq!(back, "/me/objectives");
    assert_eq!(app.get(&back).await.status(), StatusCode::OK);
}
