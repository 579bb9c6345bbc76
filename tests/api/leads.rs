use chrono::NaiveDate;
use reqwest::StatusCode;
use sales_objectives::domain::ids::PipelineId;
use sales_objectives::domain::role::Role;
use sales_objectives::store::buckets;
use sales_objectives::store::users::UserRow;

use crate::helpers::{TestApp, input_value, texts};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// (revenue in cents, won count) credited to `user` in November 2026, in one pipeline or all.
fn november(app: &TestApp, user: &UserRow, pipeline: Option<&str>) -> (i64, i64) {
    let pipeline = pipeline.map(|p| PipelineId(p.parse().expect("id")));
    buckets::won_totals(&mut app.conn(), user.account_id, user.id, pipeline, day(2026, 11, 1), day(2026, 12, 1))
        .expect("totals")
}

/// Acme with Rita Rep, signed in.
async fn acme_with_rep(app: &TestApp) -> (UserRow, UserRow) {
    let acme = app.acme().with_reps(2).build();
    let [rita, _] = <[UserRow; 2]>::try_from(acme.reps).expect("two reps");
    app.login_as(&rita).await;
    (acme.admin, rita)
}

const WON: [(&str, &str); 3] = [("status", "won"), ("amount", "1250.50"), ("closed_at", "2026-11-10T15:00")];

#[tokio::test]
async fn a_won_lead_credits_its_amount_to_its_owner_on_its_closing_date() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    app.new_lead(&rep, "Cantina Moretti", "Sales", &WON).await;

    assert_eq!(november(&app, &rep, None), (125_050, 1));
    let closed_on =
        buckets::won_totals(&mut app.conn(), rep.account_id, rep.id, None, day(2026, 11, 10), day(2026, 11, 11));
    assert_eq!(closed_on.expect("totals"), (125_050, 1));
    assert_eq!(app.differences(), 0);
    let list = app.get("/leads").await.text().await.expect("body");
    assert!(list.contains("€1,250.50") && list.contains("Tue 10 Nov 2026"));
}

#[tokio::test]
async fn marking_a_lead_won_needs_an_amount_and_writes_nothing_without_one() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let pipeline = app.pipeline_id(&rep, "Sales");

    let response =
        app.submit("/leads", &[("title", "Cantina Moretti"), ("pipeline_id", &pipeline), ("status", "won")]).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "#amount-error"), ["A won lead needs an amount."]);
    assert_eq!(input_value(&html, "title").as_deref(), Some("Cantina Moretti"));
    assert_eq!((app.count("leads"), app.count("won_buckets")), (0, 0));
}

#[tokio::test]
async fn a_win_closed_in_the_future_is_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let pipeline = app.pipeline_id(&rep, "Sales");
    let next_month = (chrono::Utc::now() + chrono::TimeDelta::days(31)).format("%Y-%m-%dT10:00").to_string();
    let fields = [
        ("title", "Cantina Moretti"),
        ("pipeline_id", pipeline.as_str()),
        ("status", "won"),
        ("amount", "1200"),
        ("closed_at", next_month.as_str()),
    ];
    let response = app.submit("/leads", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "#closed_at-error").len(), 1, "{html}");
    assert!(texts(&html, "#closed_at-error")[0].starts_with("That moment is still to come"));
    assert_eq!(input_value(&html, "closed_at").as_deref(), Some(next_month.as_str()));
    assert_eq!((app.count("leads"), app.count("won_buckets")), (0, 0));
}

#[tokio::test]
async fn a_malformed_amount_is_refused_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let pipeline = app.pipeline_id(&rep, "Sales");
    for (amount, message) in [
        ("12,50", "“12,50” is ambiguous: did you mean 12.50?"),
        ("12.505", "The amount has at most two decimals."),
        ("-3", "The amount cannot be negative."),
    ] {
        let response = app.submit("/leads", &[("title", "Deal"), ("pipeline_id", &pipeline), ("amount", amount)]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("body");
        assert_eq!(texts(&html, "#amount-error"), [message]);
        assert_eq!(input_value(&html, "amount").as_deref(), Some(amount));
    }
    assert_eq!(app.count("leads"), 0);
}

#[tokio::test]
async fn reopening_a_won_lead_takes_its_revenue_back() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let pipeline = app.pipeline_id(&rep, "Sales");
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &WON).await;

    let response = app
        .submit(
            &format!("/leads/{lead}"),
            &[("title", "Cantina Moretti"), ("pipeline_id", &pipeline), ("status", "todo"), ("amount", "1250.50")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(november(&app, &rep, None), (0, 0));
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn changing_a_won_leads_amount_date_or_pipeline_corrects_every_total() {
    let app = TestApp::spawn().await;
    let (admin, rep) = acme_with_rep(&app).await;
    sales_objectives::store::pipelines::insert(
        &mut app.conn(),
        admin.account_id,
        "Renewals",
        chrono::Utc::now().naive_utc(),
    )
    .expect("pipeline");
    let sales = app.pipeline_id(&rep, "Sales");
    let renewals = app.pipeline_id(&rep, "Renewals");
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &WON).await;
    let edit = |amount: &'static str, closed_at: &'static str, pipeline: String| {
        let lead = lead.clone();
        let app = &app;
        async move {
            let response = app
                .submit(
                    &format!("/leads/{lead}"),
                    &[
                        ("title", "Cantina Moretti"),
                        ("pipeline_id", &pipeline),
                        ("status", "won"),
                        ("amount", amount),
                        ("closed_at", closed_at),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
    };

    edit("2000", "2026-11-10T15:00", sales.clone()).await;
    assert_eq!(november(&app, &rep, None), (200_000, 1), "the amount");

    edit("2000", "2026-10-31T23:30", sales.clone()).await;
    assert_eq!(november(&app, &rep, None), (0, 0), "the date moved to October");
    let october =
        buckets::won_totals(&mut app.conn(), rep.account_id, rep.id, None, day(2026, 10, 1), day(2026, 11, 1));
    assert_eq!(october.expect("totals"), (200_000, 1));

    edit("2000", "2026-11-10T15:00", renewals.clone()).await;
    assert_eq!(november(&app, &rep, Some(&sales)), (0, 0), "the pipeline");
    assert_eq!(november(&app, &rep, Some(&renewals)), (200_000, 1));
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn deleting_a_won_lead_takes_back_its_revenue_and_its_activities() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &WON).await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    app.log_activity(&format!("lead:{lead}"), &call, &reached, &[]).await;
    assert_eq!(app.count("activities"), 1);

    // The list's Delete asks first, saying what goes, and changes nothing yet.
    let list = app.get("/leads").await.text().await.expect("body");
    assert!(list.contains(&format!(r#"href="/leads/{lead}/delete""#)), "{list}");
    let asked = app.get(&format!("/leads/{lead}/delete")).await;
    assert_eq!(asked.status(), StatusCode::OK);
    let asked = asked.text().await.expect("body");
    assert_eq!(
        texts(&asked, "main .card p"),
        [
            "Deleting the lead “Cantina Moretti” cannot be undone.",
            "It is won: deleting it removes €1,250.50 of revenue credited to Rita Rep on Tue 10 Nov 2026 from every sales objective.",
            "Its one activity is deleted with it and leaves every activity objective.",
        ]
    );
    assert_eq!(texts(&asked, &format!("form[action='/leads/{lead}/delete'] button")), ["Delete the lead"]);
    assert_eq!((app.count("leads"), app.count("activities")), (1, 1));

    let response = app.submit(&format!("/leads/{lead}/delete"), &[]).await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(november(&app, &rep, None), (0, 0));
    assert_eq!((app.count("leads"), app.count("activities")), (0, 0));
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn another_reps_or_accounts_lead_has_no_deletion_to_confirm() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &[]).await;
    let colleague = app.create_user("Acme", "rosa@acme.example", "Rosa Rep", Role::Rep);
    app.new_browser();
    app.login_as(&colleague).await;
    assert_eq!(app.get(&format!("/leads/{lead}/delete")).await.status(), StatusCode::NOT_FOUND);
    let stranger = app.create_account("Globex", "admin@globex.example");
    app.new_browser();
    app.login_as(&stranger).await;
    assert_eq!(app.get(&format!("/leads/{lead}/delete")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("leads"), 1);
}

#[tokio::test]
async fn a_win_stays_credited_to_who_owned_the_lead_when_it_was_won() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &WON).await;
    let manager = app.create_user("Acme", "manager@acme.example", "Mara Manager", Role::Manager);
    app.new_browser();
    app.login_as(&manager).await;
    let sales = app.pipeline_id(&rep, "Sales");

    let owner = manager.id.to_string();
    let response = app
        .submit(
            &format!("/leads/{lead}"),
            &[
                ("title", "Cantina Moretti"),
                ("pipeline_id", &sales),
                ("owner_id", &owner),
                ("status", "won"),
                ("amount", "1250.50"),
                ("closed_at", "2026-11-10T15:00"),
            ],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(november(&app, &rep, None), (125_050, 1));
    assert_eq!(november(&app, &manager, None), (0, 0));
}

#[tokio::test]
async fn a_rep_sees_and_edits_only_their_own_leads() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let mine = app.new_lead(&rep, "My deal", "Sales", &[]).await;
    let colleague = app.create_user("Acme", "colleague@acme.example", "Carl Colleague", Role::Rep);
    app.new_browser();
    app.login_as(&colleague).await;
    app.new_lead(&colleague, "Their deal", "Sales", &[]).await;

    let list = app.get("/leads").await.text().await.expect("body");
    assert!(list.contains("Their deal") && !list.contains("My deal"));
    assert_eq!(app.get(&format!("/leads/{mine}/edit")).await.status(), StatusCode::NOT_FOUND);
    let sales = app.pipeline_id(&rep, "Sales");
    assert_eq!(
        app.submit(&format!("/leads/{mine}"), &[("title", "Stolen"), ("pipeline_id", &sales)]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.submit(&format!("/leads/{mine}/delete"), &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("leads"), 2);
}

#[tokio::test]
async fn another_accounts_pipeline_is_refused() {
    let mut app = TestApp::spawn().await;
    let other = app.create_account("Globex", "admin@globex.example");
    let foreign = app.pipeline_id(&other, "Sales");
    app.new_browser();
    let (_, _rep) = acme_with_rep(&app).await;
    let response = app.submit("/leads", &[("title", "Deal"), ("pipeline_id", &foreign)]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "#pipeline_id-error"), ["Choose one of the account's pipelines."]);
    assert_eq!(app.count("leads"), 0);
}

#[tokio::test]
async fn money_reads_as_the_accounts_locale_writes_it() {
    let app = TestApp::spawn().await;
    let (admin, rep) = acme_with_rep(&app).await;
    app.new_lead(&rep, "Cantina Moretti", "Sales", &WON).await;
    app.execute(&format!("UPDATE accounts SET locale = 'it' WHERE id = {}", admin.account_id));
    let list = app.get("/leads").await.text().await.expect("body");
    assert!(list.contains("1.250,50 €"), "Italian accounts write money the Italian way");
}

#[tokio::test]
async fn an_italian_reader_types_and_reads_amounts_and_dates_the_italian_way() {
    let app = TestApp::spawn().await;
    let (admin, rep) = acme_with_rep(&app).await;
    app.execute(&format!("UPDATE accounts SET locale = 'it' WHERE id = {}", admin.account_id));
    let pipeline = app.pipeline_id(&rep, "Sales");

    let form = app.get("/leads/new").await.text().await.expect("body");
    assert_eq!(texts(&form, "h1"), ["Nuovo lead"]);
    assert!(form.contains(r#"placeholder="1.250,50""#) && form.contains("Vinto"));

    let fields = [
        ("title", "Cantina Moretti"),
        ("pipeline_id", pipeline.as_str()),
        ("status", "won"),
        ("amount", "1.250,50"),
        ("closed_at", "2026-11-10T15:00"),
    ];
    assert_eq!(app.submit("/leads", &fields).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(november(&app, &rep, None), (125_050, 1));

    let list = app.get("/leads").await.text().await.expect("body");
    assert_eq!(texts(&list, ".flash"), ["✓ Lead creato."]);
    assert!(list.contains("1.250,50 €") && list.contains("mar 10 nov 2026"));
    assert_eq!(texts(&list, ".status"), ["Vinto"]);
    let lead = app.lead_id(&rep, "Cantina Moretti");
    let edit = app.get(&format!("/leads/{lead}/edit")).await.text().await.expect("body");
    assert_eq!(input_value(&edit, "amount").as_deref(), Some("1.250,50"), "grouped as the reader reads it");

    let response = app.submit("/leads", &[("title", "Deal"), ("pipeline_id", &pipeline), ("amount", "12.50")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "#amount-error"), ["«12.50» è ambiguo: intendevi 12,50?"]);
}
