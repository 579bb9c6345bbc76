//! The target planning grid: holders × the periods of a fiscal year, a cell for one period
//! alone, filled from a yearly figure (evenly, by working days, by seasonality), saved cell
//! by cell or whole, exported and imported as CSV, closed periods read only.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sales_objectives::app::objectives::target_plan::{self, FillForm};
use sales_objectives::domain::ids::ObjectiveId;
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, input_value, texts};

struct World {
    manager: UserRow,
    luca: UserRow,
    sara: UserRow,
    id: ObjectiveId,
}

/// Acme with its fiscal year from April; "Revenue", €10,000 a month, held by two reps.
async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(2).build();
    app.execute("UPDATE accounts SET fiscal_year_start = 4");
    let (manager, luca, sara) = (acme.manager().clone(), acme.reps[0].clone(), acme.reps[1].clone());
    let id = ObjectiveBuilder::revenue("Revenue")
        .targets(&[("month", "10000")])
        .held_by(&[&luca, &sara])
        .created_at(at("2025-01-10T10:00:00Z"))
        .create(app, &manager);
    app.login_as(&manager).await;
    World { manager, luca, sara, id }
}

fn at(instant: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(instant).expect("an RFC 3339 instant").with_timezone(&Utc)
}

fn grid(w: &World) -> String {
    format!("/control-panel/sales-objectives/{}/targets", w.id)
}

/// The exported grid of the fiscal year holding `year`: header, and each holder's cells
/// by e-mail.
async fn exported(app: &TestApp, w: &World, year: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let csv = app.get(&format!("{}.csv?period=month&year={year}", grid(w))).await.text().await.expect("csv");
    let mut lines = csv.lines().map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>());
    let header = lines.next().expect("a header");
    (header, lines.map(|l| (l[0].clone(), l[2..].to_vec())).collect())
}

fn cells_of<'a>(rows: &'a [(String, Vec<String>)], who: &UserRow) -> &'a [String] {
    &rows.iter().find(|(email, _)| *email == who.email).expect("the holder's line").1
}

/// The monthly target of `who` in the month holding `date`, as the statistics CSV reads it:
/// (target, whose).
async fn month_target(app: &TestApp, who: &UserRow, date: &str) -> (String, String) {
    let csv = app
        .get(&format!("/statistics/sales-objectives.csv?type=sales&period=month&date={date}"))
        .await
        .text()
        .await
        .expect("csv");
    let row: Vec<String> = csv
        .lines()
        .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
        .find(|r| r[0] == who.email)
        .expect("a row");
    (row[8].clone(), row[17].clone())
}

#[tokio::test]
async fn a_yearly_figure_spread_by_working_days_gives_each_month_its_share_to_the_cent() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;

    let filled = app
        .submit(
            &format!("{}/fill", grid(&w)),
            &[
                ("period", "month"),
                ("year", "2030-04-01"),
                ("user", &w.luca.id.to_string()),
                ("total", "120000"),
                ("spread", "working_days"),
            ],
        )
        .await;
    assert_eq!(filled.status(), StatusCode::SEE_OTHER);

    let (header, rows) = exported(&app, &w, "2030-06-01").await;
    let months: Vec<NaiveDate> =
        (0..12).map(|i| NaiveDate::from_ymd_opt(2030, 4, 1).expect("a date") + chrono::Months::new(i)).collect();
    assert_eq!(header[2..], months.iter().map(ToString::to_string).collect::<Vec<_>>()[..]);
    let weekdays = |first: NaiveDate| {
        first
            .iter_days()
            .take_while(|d| d.month() == first.month())
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64
    };
    let days: Vec<i64> = months.iter().map(|m| weekdays(*m)).collect();
    let year: i64 = days.iter().sum();
    let mut expected: Vec<i64> = days.iter().map(|d| (12_000_000 * d * 2 + year) / (2 * year)).collect();
    expected[11] = 12_000_000 - expected[..11].iter().sum::<i64>();
    let cents = |v: &String| -> i64 {
        let (units, cents) = v.split_once('.').expect("two decimals");
        units.parse::<i64>().expect("units") * 100 + cents.parse::<i64>().expect("cents")
    };
    let luca: Vec<i64> = cells_of(&rows, &w.luca).iter().map(cents).collect();
    assert_eq!(luca, expected);
    assert_eq!(luca.iter().sum::<i64>(), 12_000_000);
    assert!(cells_of(&rows, &w.sara).iter().all(String::is_empty), "Sara follows the objective's");

    // The dashboard measures Luca against his month, Sara against the objective's.
    assert_eq!(month_target(&app, &w.luca, "2030-04-15").await.1, "holder");
    assert_eq!(month_target(&app, &w.sara, "2030-04-15").await, ("10000.00".to_owned(), "objective".to_owned()));
}

#[tokio::test]
async fn filling_mid_year_keeps_the_closed_months_and_spreads_what_is_left() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let form = FillForm {
        period: "month".into(),
        year: "2030-04-01".into(),
        user: w.sara.id.to_string(),
        total: "180000".into(),
        spread: "evenly".into(),
        ..FillForm::default()
    };
    app.run_as_at(&w.manager, at("2030-10-15T10:00:00Z"), |cx, actor| target_plan::fill(cx, actor, w.id, &form));

    // April to September closed at €10,000 each: the €120,000 left goes to October to March.
    let (_, rows) = exported(&app, &w, "2030-04-01").await;
    let sara = cells_of(&rows, &w.sara);
    assert!(sara[..6].iter().all(String::is_empty), "{sara:?}");
    assert!(sara[6..].iter().all(|c| c == "20000.00"), "{sara:?}");

    // More than the year can take once the closed months are counted: refused, said why.
    let small = FillForm { total: "50000".into(), ..form };
    let refused = app
        .try_run_as_at(&w.manager, at("2030-10-15T10:00:00Z"), |cx, actor| target_plan::fill(cx, actor, w.id, &small));
    assert!(refused.is_err());
}

#[tokio::test]
async fn a_cell_saves_its_period_alone_and_a_bad_or_closed_cell_is_refused_with_what_was_typed() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let name = |date: &str| format!("c_{}_{date}", w.luca.id);
    let url = grid(&w);
    let post = |fields: Vec<(String, String)>| {
        let (app, url) = (&app, url.clone());
        async move {
            let token = app.csrf_token("/").await;
            let mut fields = fields;
            fields.push(("csrf_token".into(), token));
            fields.push(("period".into(), "month".into()));
            fields.push(("year".into(), "2030-04-01".into()));
            app.client.post(app.url(&url)).header("HX-Request", "true").form(&fields).send().await.expect("sent")
        }
    };

    // One cell, as htmx sends it: the cell and the totals it moves come back.
    let saved = post(vec![(name("2030-06-01"), "15,000".into())]).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let html = saved.text().await.expect("cells");
    assert_eq!(input_value(&html, &name("2030-06-01")).as_deref(), Some("15,000.00"));
    assert!(html.contains(&format!("id=\"total-{}\"", w.luca.id)) && html.contains("hx-swap-oob"), "{html}");
    assert!(texts(&html, &format!("#total-{}", w.luca.id)).iter().any(|t| t.contains("125,000.00")), "{html}");
    assert_eq!(month_target(&app, &w.luca, "2030-06-15").await, ("15000.00".to_owned(), "holder".to_owned()));
    assert_eq!(month_target(&app, &w.luca, "2030-07-15").await, ("10000.00".to_owned(), "objective".to_owned()));
    assert_eq!(month_target(&app, &w.luca, "2030-05-15").await.0, "10000.00");

    for (field, typed, message) in [
        (name("2030-07-01"), "-5", "cannot be negative"),
        (name("2030-07-01"), "12.345", "two decimals"),
        (name("2030-07-02"), "100", "not the first day"),
        (name("2025-07-01"), "100", "closed"),
    ] {
        let refused = post(vec![(field.clone(), typed.into())]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field} {typed}");
        let html = refused.text().await.expect("body");
        assert!(html.contains(message), "{field} {typed}: {html}");
    }
    let kept = post(vec![(name("2030-07-01"), "-5".into())]).await.text().await.expect("body");
    assert_eq!(input_value(&kept, &name("2030-07-01")).as_deref(), Some("-5"), "what was typed stays");
    // June's own target, and July's return to the objective's: nothing of the refused cells.
    assert_eq!(app.count("holder_targets"), 2);
    assert_eq!(app.count("holder_targets WHERE effective_from = '2030-07-01' AND value IS NULL"), 1);

    // Someone who does not hold it: not found.
    let stranger = format!("c_{}_2030-06-01", w.manager.id);
    assert_eq!(post(vec![(stranger, "5".into())]).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_whole_grid_saves_without_script_all_or_nothing() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let page = app.get(&format!("{}?period=month&year=2030-04-01", grid(&w))).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("grid");
    assert_eq!(texts(&html, ".plan-grid tbody input").len(), 24, "two holders × twelve open months");

    let (luca, sara) = (format!("c_{}_2030-04-01", w.luca.id), format!("c_{}_2030-05-01", w.sara.id));
    let refused =
        app.submit(&grid(&w), &[("period", "month"), ("year", "2030-04-01"), (&luca, "9000"), (&sara, "zero")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("grid");
    assert_eq!(input_value(&html, &luca).as_deref(), Some("9000"));
    assert_eq!(input_value(&html, &sara).as_deref(), Some("zero"));
    assert_eq!(texts(&html, ".plan-grid .field-error").len(), 1);
    assert_eq!(app.count("holder_targets"), 0, "nothing written");

    let saved =
        app.submit(&grid(&w), &[("period", "month"), ("year", "2030-04-01"), (&luca, "9000"), (&sara, "11000")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, rows) = exported(&app, &w, "2030-04-01").await;
    assert_eq!(cells_of(&rows, &w.luca)[0], "9000.00");
    assert_eq!(cells_of(&rows, &w.sara)[1], "11000.00");

    // A past year is read only: no inputs.
    let past = app.get(&format!("{}?period=month&year=2025-06-01", grid(&w))).await.text().await.expect("grid");
    assert!(texts(&past, ".plan-grid tbody input").is_empty());
}

#[tokio::test]
async fn the_grid_round_trips_through_csv_and_a_bad_file_changes_nothing() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let token = app.csrf_token("/").await;
    let upload = |csv: String, year: &str| {
        let form = Form::new()
            .text("csrf_token", token.clone())
            .part("file", Part::bytes(csv.into_bytes()).file_name("grid.csv"));
        let url = app.url(&format!("{}/import?period=month&year={year}", grid(&w)));
        app.client.post(url).multipart(form).send()
    };
    let (header, _) = exported(&app, &w, "2030-04-01").await;
    let header = header.join(",");
    let empty = ",".repeat(11);

    let bad = format!(
        "{header}\n{},Luca,-1{empty}\nnobody@acme.example,X{empty},\n{},Sara,5000{empty}\n",
        w.luca.email, w.sara.email
    );
    let refused = upload(bad, "2030-04-01").await.expect("sent");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let report = texts(&refused.text().await.expect("page"), ".alert-error li");
    assert_eq!(report.len(), 2, "{report:?}");
    assert!(report.iter().any(|l| l.contains("Line 3") && l.contains("nobody@acme.example")), "{report:?}");
    assert_eq!(app.count("holder_targets"), 0, "nothing imported");

    let good = format!("{header}\n{},Luca,12000.50{empty}\n{},Sara,{empty}8000\n", w.luca.email, w.sara.email);
    let imported = upload(good, "2030-04-01").await.expect("sent");
    assert_eq!(imported.status(), StatusCode::SEE_OTHER);
    let (_, rows) = exported(&app, &w, "2030-04-01").await;
    assert_eq!(cells_of(&rows, &w.luca)[0], "12000.50");
    assert_eq!(cells_of(&rows, &w.sara)[11], "8000.00");
    assert!(cells_of(&rows, &w.luca)[1..].iter().all(String::is_empty));

    // The same file again changes nothing; a closed year's cell changed is refused.
    assert_eq!(
        upload(format!("{header}\n{},Luca,12000.50{empty}\n", w.luca.email), "2030-04-01")
            .await
            .expect("sent")
            .status(),
        StatusCode::SEE_OTHER
    );
    let (past, _) = exported(&app, &w, "2025-04-01").await;
    let past = past.join(",");
    let closed = upload(format!("{past}\n{},Luca,1{empty}\n", w.luca.email), "2025-04-01").await.expect("sent");
    assert_eq!(closed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&closed.text().await.expect("page"), ".alert-error li").iter().any(|l| l.contains("closed")));
}

#[tokio::test]
async fn a_seasonality_profile_weighs_the_months_and_bad_weights_are_refused() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let url = format!("{}/seasonality", grid(&w));
    fn weights(w: [&'static str; 12]) -> Vec<(&'static str, &'static str)> {
        let mut fields = vec![("period", "month"), ("year", "2030-04-01")];
        fields.extend(w.iter().map(|v| ("weights", *v)));
        fields
    }
    let refused = app.submit(&url, &weights(["1", "1", "-2", "1", "1", "1", "1", "1", "1", "1", "1", "1"])).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("page");
    let typed: Vec<String> = texts(&html, ".seasonality label");
    assert_eq!(typed.len(), 12);
    assert!(html.contains("value=\"-2\""), "what was typed stays");

    // August half as heavy as the other months.
    let saved =
        app.submit(&url, &weights(["10", "10", "10", "10", "10", "10", "10", "5", "10", "10", "10", "10"])).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let fill = [("period", "month"), ("year", "2030-04-01"), ("total", "115000"), ("spread", "seasonality")];
    assert_eq!(app.submit(&format!("{}/fill", grid(&w)), &fill).await.status(), StatusCode::SEE_OTHER);
    let (_, rows) = exported(&app, &w, "2030-04-01").await;
    for who in [&w.luca, &w.sara] {
        let cells = cells_of(&rows, who);
        assert_eq!(cells[4], "5000.00", "August");
        assert!(cells.iter().enumerate().all(|(i, c)| i == 4 || c == "10000.00"), "{cells:?}");
    }
}

#[tokio::test]
async fn only_a_manager_of_the_account_opens_the_grid() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let other = app.create_account("Other", "admin@other.example");
    let mut outside = app.another_browser();
    outside.login_as(&other).await;
    assert_eq!(outside.get(&grid(&w)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(outside.get(&format!("{}.csv", grid(&w))).await.status(), StatusCode::NOT_FOUND);
    let cell = format!("c_{}_2030-06-01", w.luca.id);
    assert_eq!(outside.submit(&grid(&w), &[("period", "month"), (&cell, "5")]).await.status(), StatusCode::NOT_FOUND);
    outside.new_browser();
    outside.login_as(&w.luca).await;
    assert_eq!(outside.get(&grid(&w)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("holder_targets"), 0);
}
