//! A lead's and a prospect's pages: details, a timeline, an activity logged in one step, a
//! win in one click; and the activity form's subject list, open leads first, searchable.

use reqwest::StatusCode;
use sales_objectives::domain::role::Role;
use sales_objectives::store::users::UserRow;

use crate::helpers::{TestApp, input_value, texts};

async fn acme_with_rep(app: &TestApp) -> (UserRow, UserRow) {
    let acme = app.acme().with_reps(2).build();
    let [rita, _] = <[UserRow; 2]>::try_from(acme.reps).expect("two reps");
    app.login_as(&rita).await;
    (acme.admin, rita)
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("body")
}

#[tokio::test]
async fn a_lead_page_logs_in_one_step_wins_in_one_click_and_shows_both_on_its_timeline() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &[("amount", "1200")]).await;
    let shown = page(&app, &format!("/leads/{lead}")).await;
    assert_eq!(texts(&shown, "h1"), ["Cantina Moretti To do"]);
    assert_eq!(texts(&shown, ".timeline .status"), ["Status: To do"]);
    // The results grouped by action, none chosen.
    assert_eq!(
        texts(&shown, "#outcome_id optgroup[label='Call'] option").first().map(String::as_str),
        Some("Call · Reached")
    );
    assert!(shown.contains(r#"<option value="">Choose an action and its result…</option>"#));

    let (_, reached) = app.outcome_id(&rep, "Call", "Reached");
    let logged = app
        .submit(&format!("/leads/{lead}/activities"), &[("outcome_id", &reached), ("note", "Asked for a quote")])
        .await;
    assert_eq!(logged.status(), StatusCode::SEE_OTHER);
    assert_eq!(crate::helpers::location(&logged), format!("/leads/{lead}"));
    assert_eq!(app.count("activities"), 1);

    let shown = page(&app, &format!("/leads/{lead}")).await;
    assert_eq!(input_value(&shown, "amount").as_deref(), Some("1,200.00"), "the amount it has, to confirm");
    let version = input_value(&shown, "version").expect("the version shown");
    let won = app.submit(&format!("/leads/{lead}/win"), &[("amount", "1,350.50"), ("version", &version)]).await;
    assert_eq!(won.status(), StatusCode::SEE_OTHER);

    let shown = page(&app, &format!("/leads/{lead}")).await;
    assert_eq!(texts(&shown, "h1"), ["Cantina Moretti Won"]);
    assert!(texts(&shown, "form[action$='/win']").is_empty(), "a won lead is not won again");
    assert_eq!(texts(&shown, ".timeline .status"), ["Won for €1,350.50", "Status: To do"]);
    assert_eq!(texts(&shown, ".timeline strong"), ["Call · Reached"]);
    assert_eq!(texts(&shown, ".timeline-note"), ["Asked for a quote"]);
    assert_eq!(app.count("lead_changes"), 2);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_refused_one_step_log_keeps_what_was_typed_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &[]).await;
    let path = format!("/leads/{lead}/activities");

    let refused = app.submit(&path, &[("outcome_id", ""), ("note", "Left a message")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert_eq!(texts(&body, "#outcome_id-error"), ["Choose a result."]);
    assert_eq!(texts(&body, "textarea#note"), ["Left a message"]);

    let other = app.create_account("Globex", "admin@globex.example");
    let (_, foreign) = app.outcome_id(&other, "Call", "Reached");
    let refused = app.submit(&path, &[("outcome_id", &foreign)]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (_, reached) = app.outcome_id(&rep, "Call", "Reached");
    let refused = app.submit(&path, &[("outcome_id", &reached), ("occurred_at", "2027-03-01T10:00")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(texts(&body, "#occurred_at-error")[0].starts_with("That moment is still to come"), "{body}");
    assert_eq!(input_value(&body, "occurred_at").as_deref(), Some("2027-03-01T10:00"));
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn a_win_with_a_bad_amount_or_over_a_newer_save_is_refused_and_changes_nothing() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &[]).await;
    let path = format!("/leads/{lead}/win");
    let shown = page(&app, &format!("/leads/{lead}")).await;
    let version = input_value(&shown, "version").expect("version");

    for (amount, message) in [("", "A won lead needs an amount."), ("12abc", "")] {
        let refused = app.submit(&path, &[("amount", amount), ("version", &version)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{amount}");
        let body = refused.text().await.expect("body");
        let error = texts(&body, "#amount-error");
        assert_eq!(error.len(), 1, "{body}");
        if !message.is_empty() {
            assert_eq!(error[0], message);
        }
        assert_eq!(input_value(&body, "amount").as_deref(), Some(amount), "the amount typed is kept");
    }

    // Someone else saves the lead meanwhile: the page's win is refused.
    let manager = app.create_user("Acme", "manager@acme.example", "Mara Manager", Role::Manager);
    app.new_browser();
    app.login_as(&manager).await;
    let renamed = app
        .submit(
            &format!("/leads/{lead}"),
            &[
                ("title", "Cantina Moretti & figli"),
                ("pipeline_id", &app.pipeline_id(&rep, "Sales")),
                ("status", "todo"),
            ],
        )
        .await;
    assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
    app.new_browser();
    app.login_as(&rep).await;
    let refused = app.submit(&path, &[("amount", "500"), ("version", &version)]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(app.count("lead_changes"), 1, "only its creation");
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn another_reps_or_accounts_lead_and_prospect_pages_answer_404() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &[]).await;
    let prospect = app.new_prospect(&rep, "Trattoria Bruno").await;
    let (_, reached) = app.outcome_id(&rep, "Call", "Reached");
    let colleague = app.create_user("Acme", "rosa@acme.example", "Rosa Rep", Role::Rep);
    let stranger = app.create_account("Globex", "admin@globex.example");
    for someone in [&colleague, &stranger] {
        app.new_browser();
        app.login_as(someone).await;
        for path in
            [format!("/leads/{lead}"), format!("/prospects/{prospect}"), format!("/prospects/{prospect}/delete")]
        {
            assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let logged = app.submit(&format!("/leads/{lead}/activities"), &[("outcome_id", &reached)]).await;
        assert_eq!(logged.status(), StatusCode::NOT_FOUND);
        let won = app.submit(&format!("/leads/{lead}/win"), &[("amount", "100")]).await;
        assert_eq!(won.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(app.count("activities"), 0);
    assert_eq!(app.count("lead_changes"), 1);
}

#[tokio::test]
async fn a_prospect_page_logs_in_one_step_and_links_the_lead_it_became() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Trattoria Bruno").await;
    let (_, sent) = app.outcome_id(&rep, "Email", "Sent");
    let logged = app.submit(&format!("/prospects/{prospect}/activities"), &[("outcome_id", &sent)]).await;
    assert_eq!(logged.status(), StatusCode::SEE_OTHER);
    let shown = page(&app, &format!("/prospects/{prospect}")).await;
    assert_eq!(texts(&shown, ".timeline strong"), ["Email · Sent"]);

    let sales = app.pipeline_id(&rep, "Sales");
    let converted = app.submit(&format!("/prospects/{prospect}/convert"), &[("pipeline_id", &sales)]).await;
    assert_eq!(converted.status(), StatusCode::SEE_OTHER);
    let lead = app.lead_id(&rep, "Trattoria Bruno");
    let shown = page(&app, &format!("/prospects/{prospect}")).await;
    assert!(shown.contains(&format!(r#"<a href="/leads/{lead}">Trattoria Bruno</a>"#)), "{shown}");
    let lead_page = page(&app, &format!("/leads/{lead}")).await;
    assert!(lead_page.contains(&format!(r#"<a href="/prospects/{prospect}">Trattoria Bruno</a>"#)));
    assert_eq!(texts(&lead_page, ".timeline .status"), ["Status: To do"]);
}

#[tokio::test]
async fn the_subject_list_puts_open_leads_first_and_searches_with_and_without_script() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    app.new_lead(&rep, "Moretti won", "Sales", &[("status", "won"), ("amount", "100")]).await;
    app.new_lead(&rep, "Moretti open", "Sales", &[]).await;
    app.new_prospect(&rep, "Bruno prospect").await;
    let form = page(&app, "/activities/new").await;
    assert_eq!(texts(&form, "#subject optgroup"), ["Moretti open", "Bruno prospect", "Moretti won (Won)"]);
    assert_eq!(texts(&form, "#subject optgroup").len(), 3);
    assert!(form.contains(r#"<option value="">Choose a lead or prospect…</option>"#), "nothing chosen for the rep");

    let found = app.get_htmx("/activities/subjects?subject_q=MOR").await;
    assert_eq!(found.status(), StatusCode::OK);
    let found = found.text().await.expect("body");
    assert_eq!(texts(&found, "#subject option:not([value=''])"), ["Moretti open", "Moretti won (Won)"]);
    let none = app.get_htmx("/activities/subjects?subject_q=zzz").await.text().await.expect("body");
    assert_eq!(texts(&none, "#subject option"), ["Nothing matches this search"]);

    // Without script, the search posts the form back to itself, keeping what was typed.
    let bruno = app.prospect_id(&rep, "Bruno prospect");
    let chosen = format!("prospect:{bruno}");
    let kept = app.submit("/activities/new", &[("subject_q", "moretti"), ("subject", &chosen), ("note", "kept")]).await;
    assert_eq!(kept.status(), StatusCode::OK);
    let kept = kept.text().await.expect("body");
    assert_eq!(texts(&kept, "#subject option[selected]"), ["Bruno prospect"], "the choice survives a search");
    assert_eq!(input_value(&kept, "subject_q").as_deref(), Some("moretti"));
    assert_eq!(texts(&kept, "textarea#note"), ["kept"]);
}
