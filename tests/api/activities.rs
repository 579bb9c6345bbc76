use chrono::NaiveDate;
use reqwest::StatusCode;
use sales_objectives::domain::counting::CountingRule;
use sales_objectives::domain::ids::{OutcomeId, PipelineId};
use sales_objectives::domain::objective::Context;
use sales_objectives::domain::role::Role;
use sales_objectives::store::buckets;
use sales_objectives::store::users::UserRow;

use crate::helpers::{TestApp, input_value, texts};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Activities of `outcome` by `user` on [from, to), from the buckets.
fn counted(
    app: &TestApp,
    user: &UserRow,
    outcome: &str,
    pipeline: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
) -> i64 {
    let pipeline = pipeline.map(|p| PipelineId(p.parse().expect("id")));
    let rule = CountingRule::new([OutcomeId(outcome.parse().expect("id"))], Context::Both, pipeline);
    buckets::count_activities(&mut app.conn(), user.account_id, &[user.id], &rule, (from, to)).expect("count")
}

/// Acme with Rita Rep, signed in.
async fn acme_with_rep(app: &TestApp) -> (UserRow, UserRow) {
    let acme = app.acme().with_reps(2).build();
    let [rita, _] = <[UserRow; 2]>::try_from(acme.reps).expect("two reps");
    app.login_as(&rita).await;
    (acme.admin, rita)
}

#[tokio::test]
async fn a_logged_activity_counts_on_its_local_day_and_month() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");

    let response = app
        .log_activity(
            &format!("prospect:{prospect}"),
            &call,
            &reached,
            &[("occurred_at", "2026-11-27T00:30"), ("note", "Spoke to the owner")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // 00:30 in Rome is still the 26th in UTC: it counts on the 27th, the local day.
    assert_eq!(counted(&app, &rep, &reached, None, day(2026, 11, 27), day(2026, 11, 28)), 1);
    assert_eq!(counted(&app, &rep, &reached, None, day(2026, 11, 26), day(2026, 11, 27)), 0);
    assert_eq!(counted(&app, &rep, &reached, None, day(2026, 11, 1), day(2026, 12, 1)), 1, "the month bucket");
    assert_eq!(app.differences(), 0);
    let list = app.get("/activities").await.text().await.expect("body");
    assert!(list.contains("Fri 27 Nov 2026, 00:30") && list.contains("Spoke to the owner"));
}

#[tokio::test]
async fn an_empty_moment_means_now() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    let response = app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[("occurred_at", "")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let today = app.account_of(&rep).calendar().local_date(chrono::Utc::now());
    assert_eq!(counted(&app, &rep, &reached, None, today, today.succ_opt().expect("tomorrow")), 1);
}

#[tokio::test]
async fn a_moment_skipped_by_daylight_saving_is_refused_with_the_form_kept() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");

    let response = app
        .log_activity(
            &format!("prospect:{prospect}"),
            &call,
            &reached,
            &[("occurred_at", "2026-03-29T02:30"), ("note", "kept note")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert!(texts(&html, "#occurred_at-error")[0].contains("does not exist in Europe/Rome"));
    assert!(html.contains("kept note"));
    assert_eq!(input_value(&html, "occurred_at").as_deref(), Some("2026-03-29T02:30"));
    assert_eq!(app.count("activities"), 0);
}

/// A moment `minutes` from now on Rome's clocks, as the form's field writes it.
fn rome_in(minutes: i64) -> String {
    let at = chrono::Utc::now() + chrono::TimeDelta::minutes(minutes);
    at.with_timezone(&chrono_tz::Europe::Rome).format("%Y-%m-%dT%H:%M").to_string()
}

#[tokio::test]
async fn a_moment_still_to_come_is_refused_with_the_form_kept_and_a_minute_ahead_is_not() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let subject = format!("prospect:{}", app.new_prospect(&rep, "Ottica Vitale").await);
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    for ahead in [rome_in(60 * 24 * 90), rome_in(10)] {
        let response =
            app.log_activity(&subject, &call, &reached, &[("occurred_at", &ahead), ("note", "next quarter")]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{ahead}");
        let html = response.text().await.expect("body");
        assert_eq!(
            texts(&html, "#occurred_at-error"),
            ["That moment is still to come: log work once it is done (at most 5 minutes from now)."]
        );
        assert_eq!(input_value(&html, "occurred_at").as_deref(), Some(ahead.as_str()));
        assert!(html.contains("next quarter"));
    }
    assert_eq!((app.count("activities"), app.count("activity_buckets")), (0, 0));
    // A clock a minute fast is not the future.
    let response = app.log_activity(&subject, &call, &reached, &[("occurred_at", &rome_in(1))]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_malformed_moment_is_refused() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    let response =
        app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[("occurred_at", "yesterday")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn a_result_of_another_action_is_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, _) = app.outcome_id(&rep, "Call", "Reached");
    let (_, email_sent) = app.outcome_id(&rep, "Email", "Sent");

    let response = app.log_activity(&format!("prospect:{prospect}"), &call, &email_sent, &[]).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "#outcome_id-error"), ["This result does not belong to Call."]);
    assert_eq!((app.count("activities"), app.count("activity_buckets")), (0, 0));
}

#[tokio::test]
async fn another_accounts_lead_cannot_be_an_activitys_subject() {
    let mut app = TestApp::spawn().await;
    let other_admin = app.create_account("Globex", "admin@globex.example");
    app.login_as(&other_admin).await;
    let foreign_lead = app.new_lead(&other_admin, "Globex deal", "Sales", &[]).await;
    app.new_browser();
    let (_, rep) = acme_with_rep(&app).await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");

    let response = app.log_activity(&format!("lead:{foreign_lead}"), &call, &reached, &[]).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("activities"), 0);
    // Nor can another account's action be used.
    let (globex_call, globex_reached) = app.outcome_id(&other_admin, "Call", "Reached");
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let response = app.log_activity(&format!("prospect:{prospect}"), &globex_call, &globex_reached, &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn a_rep_cannot_log_on_a_colleagues_prospect() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let colleague = app.create_user("Acme", "colleague@acme.example", "Carl Colleague", Role::Rep);
    app.new_browser();
    app.login_as(&colleague).await;
    let theirs = app.new_prospect(&colleague, "Their prospect").await;
    app.new_browser();
    app.login_as(&rep).await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");

    let response = app.log_activity(&format!("prospect:{theirs}"), &call, &reached, &[]).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn deleting_an_activity_takes_it_out_of_every_total() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    for _ in 0..2 {
        app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[("occurred_at", "2026-11-10T10:00")])
            .await;
    }
    let id = sales_objectives::store::activities::list(&mut app.conn(), rep.account_id, None, 1, 0).expect("list")[0]
        .activity
        .id;

    let response = app.submit(&format!("/activities/{id}/delete"), &[]).await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(counted(&app, &rep, &reached, None, day(2026, 11, 1), day(2026, 12, 1)), 1);
    assert_eq!(counted(&app, &rep, &reached, None, day(2026, 11, 10), day(2026, 11, 11)), 1);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_rep_can_neither_see_nor_delete_a_colleagues_activities() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let colleague = app.create_user("Acme", "colleague@acme.example", "Carl Colleague", Role::Rep);
    app.new_browser();
    app.login_as(&colleague).await;
    let theirs = app.new_prospect(&colleague, "Their prospect").await;
    let (call, reached) = app.outcome_id(&colleague, "Call", "Reached");
    app.log_activity(&format!("prospect:{theirs}"), &call, &reached, &[("note", "secret note")]).await;
    let id = sales_objectives::store::activities::list(&mut app.conn(), rep.account_id, None, 1, 0).expect("list")[0]
        .activity
        .id;
    app.new_browser();
    app.login_as(&rep).await;

    assert!(!app.get("/activities").await.text().await.expect("body").contains("secret note"));
    assert_eq!(app.get(&format!("/activities?user={}", colleague.id)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.submit(&format!("/activities/{id}/delete"), &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.count("activities"), 1);
}

#[tokio::test]
async fn a_manager_sees_everyones_activities_and_filters_by_user() {
    let mut app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[("note", "rep note")]).await;
    let manager = app.create_user("Acme", "manager@acme.example", "Mara Manager", Role::Manager);
    app.new_browser();
    app.login_as(&manager).await;

    assert!(app.get("/activities").await.text().await.expect("body").contains("rep note"));
    assert!(app.get(&format!("/activities?user={}", rep.id)).await.text().await.expect("body").contains("rep note"));
    assert!(
        !app.get(&format!("/activities?user={}", manager.id)).await.text().await.expect("body").contains("rep note")
    );
    let id = sales_objectives::store::activities::list(&mut app.conn(), rep.account_id, None, 1, 0).expect("list")[0]
        .activity
        .id;
    assert_eq!(app.submit(&format!("/activities/{id}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn an_activity_keeps_the_pipeline_its_lead_had_when_it_was_logged() {
    let app = TestApp::spawn().await;
    let (admin, rep) = acme_with_rep(&app).await;
    sales_objectives::store::pipelines::insert(
        &mut app.conn(),
        admin.account_id,
        "Renewals",
        chrono::Utc::now().naive_utc(),
    )
    .expect("pipeline");
    let lead = app.new_lead(&rep, "Cantina Moretti", "Sales", &[]).await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");
    app.log_activity(&format!("lead:{lead}"), &call, &reached, &[("occurred_at", "2026-11-10T10:00")]).await;

    let renewals = app.pipeline_id(&rep, "Renewals");
    let response =
        app.submit(&format!("/leads/{lead}"), &[("title", "Cantina Moretti"), ("pipeline_id", &renewals)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let sales = app.pipeline_id(&rep, "Sales");
    let (from, to) = (day(2026, 11, 1), day(2026, 12, 1));
    assert_eq!(counted(&app, &rep, &reached, Some(&sales), from, to), 1);
    assert_eq!(counted(&app, &rep, &reached, Some(&renewals), from, to), 0);
}

#[tokio::test]
async fn the_result_list_follows_the_chosen_action_with_and_without_htmx() {
    let app = TestApp::spawn().await;
    let (_, rep) = acme_with_rep(&app).await;
    app.new_prospect(&rep, "Ottica Vitale").await;
    let (meeting, _) = app.outcome_id(&rep, "Meeting", "Held");

    let page = app.get(&format!("/activities/new?action_id={meeting}&note=kept")).await.text().await.expect("body");
    assert_eq!(texts(&page, "#outcome_id option"), ["Held", "Cancelled", "No show"]);
    assert!(page.contains("kept"), "the other fields are kept");

    let fragment = app.get_htmx(&format!("/activities/new?action_id={meeting}")).await.text().await.expect("body");
    assert!(!fragment.contains("<html") && fragment.contains(r#"id="outcome-field""#));
    assert_eq!(texts(&fragment, "#outcome_id option"), ["Held", "Cancelled", "No show"]);
}

#[tokio::test]
async fn the_activity_pages_read_in_italian() {
    let app = TestApp::spawn().await;
    let (admin, rep) = acme_with_rep(&app).await;
    app.execute(&format!("UPDATE accounts SET locale = 'it' WHERE id = {}", admin.account_id));
    let empty = app.get("/activities/new").await.text().await.expect("body");
    assert!(empty.contains("e non ne hai ancora nessuno."));
    let prospect = app.new_prospect(&rep, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&rep, "Call", "Reached");

    let form = app.get("/activities/new").await.text().await.expect("body");
    assert_eq!(texts(&form, "h1"), ["Registra un'attività"]);
    assert_eq!(texts(&form, "#subject option"), ["Scegli un lead o un prospect…", "Ottica Vitale"]);
    assert_eq!(texts(&form, "#subject optgroup[label='Prospect'] option"), ["Ottica Vitale"]);
    assert_eq!(texts(&form, "#outcome_id option"), ["Scegli prima un'azione"]);

    let response = app
        .log_activity(&format!("prospect:{prospect}"), &call, &reached, &[("occurred_at", "2026-11-27T00:30")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let list = app.get("/activities").await.text().await.expect("body");
    assert_eq!(texts(&list, ".flash"), ["✓ Attività registrata."]);
    assert!(list.contains("ven 27 nov 2026, 00:30"));
    assert_eq!(texts(&list, "h1"), ["Attività"]);
}
