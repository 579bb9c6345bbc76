//! Asking before taking something away (what changes is said first, and nothing changes
//! until the button is pressed), and undoing an activity's deletion for a short while.

use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sales_objectives::app;
use sales_objectives::app::recording::activities;
use sales_objectives::domain::ids::ActivityId;
use sales_objectives::domain::role::Role;
use sales_objectives::store::users::UserRow;

use crate::helpers::{ObjectiveBuilder, TestApp, location, texts};

async fn asked(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("body")
}

fn activity_ids(app: &TestApp) -> Vec<i64> {
    use diesel::prelude::*;
    use sales_objectives::db::schema::activities::dsl::*;
    activities.select(id).order(id.asc()).load(&mut app.conn()).expect("ids")
}

#[tokio::test]
async fn deleting_an_activity_asks_first_then_offers_an_undo_that_counts_it_again() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_reps(1).build();
    let rep = &acme.reps[0];
    app.login_as(rep).await;
    let lead = app.new_lead(rep, "Cantina Moretti", "Sales", &[]).await;
    let (call, reached) = app.outcome_id(rep, "Call", "Reached");
    app.log_activity(&format!("lead:{lead}"), &call, &reached, &[]).await;
    let [id] = <[i64; 1]>::try_from(activity_ids(&app)).expect("one activity");

    let list = asked(&app, "/activities").await;
    assert!(list.contains(&format!(r#"href="/activities/{id}/delete""#)));
    let page = asked(&app, &format!("/activities/{id}/delete")).await;
    assert_eq!(texts(&page, "main h1"), ["Delete this activity?"]);
    assert_eq!(
        texts(&page, "main dd"),
        ["Call · Reached", "Lead · Cantina Moretti", &texts(&page, "main dd")[2], "Rita Rep"]
    );
    assert_eq!(app.count("activities"), 1, "asking changes nothing");

    let deleted = app.submit(&format!("/activities/{id}/delete"), &[]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&deleted), format!("/activities?deleted={id}"));
    assert_eq!((app.count("activities"), app.differences()), (0, 0));
    let list = asked(&app, &format!("/activities?deleted={id}")).await;
    assert_eq!(texts(&list, &format!("form[action='/activities/{id}/restore'] button")), ["Undo"]);

    let restored = app.submit(&format!("/activities/{id}/restore"), &[]).await;
    assert_eq!(restored.status(), StatusCode::SEE_OTHER);
    assert_eq!(activity_ids(&app), [id], "back under its own id");
    assert_eq!(app.differences(), 0, "counted again");
    // Put back once: there is nothing left to undo.
    assert_eq!(app.submit(&format!("/activities/{id}/restore"), &[]).await.status(), StatusCode::NOT_FOUND);
    let list = asked(&app, &format!("/activities?deleted={id}")).await;
    assert!(texts(&list, "form.undo").is_empty());
    assert_eq!(app.count("activities"), 1);
}

#[tokio::test]
async fn an_undo_is_refused_once_its_window_passed_or_its_lead_went_and_others_cannot_see_it() {
    let mut app = TestApp::spawn().await;
    let acme = app.acme().with_reps(2).build();
    let (rep, colleague) = (&acme.reps[0], &acme.reps[1]);
    app.login_as(rep).await;
    let lead = app.new_lead(rep, "Cantina Moretti", "Sales", &[]).await;
    let (call, reached) = app.outcome_id(rep, "Call", "Reached");
    app.log_activity(&format!("lead:{lead}"), &call, &reached, &[]).await;
    app.log_activity(&format!("lead:{lead}"), &call, &reached, &[]).await;
    let [first, second] = <[i64; 2]>::try_from(activity_ids(&app)).expect("two");
    for id in [first, second] {
        app.run_as(rep, |cx, actor| activities::delete(cx, actor, ActivityId(id)));
    }

    // Eleven minutes later, the first can no longer be put back.
    let later = Utc::now() + TimeDelta::minutes(11);
    let refused = app.try_run_as_at(rep, later, |cx, actor| activities::restore(cx, actor, ActivityId(first)));
    assert!(matches!(refused, Err(app::Error::Invalid(_))), "{refused:?}");

    // A colleague neither sees the undo nor can use it.
    app.new_browser();
    app.login_as(colleague).await;
    let list = asked(&app, &format!("/activities?deleted={second}")).await;
    assert!(texts(&list, "form.undo").is_empty());
    assert_eq!(app.submit(&format!("/activities/{second}/restore"), &[]).await.status(), StatusCode::NOT_FOUND);

    // The lead goes meanwhile: putting the activity back is refused with a message.
    app.new_browser();
    app.login_as(rep).await;
    assert_eq!(app.submit(&format!("/leads/{lead}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    let refused = app.submit(&format!("/activities/{second}/restore"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert_eq!(
        texts(&body, ".alert-error"),
        ["This activity cannot be put back: the lead or prospect it was logged on was deleted meanwhile."]
    );
    assert_eq!((app.count("activities"), app.differences()), (0, 0));
}

#[tokio::test]
async fn deleting_a_prospect_says_how_many_activities_go_with_it() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_reps(1).build();
    let rep = &acme.reps[0];
    app.login_as(rep).await;
    let prospect = app.new_prospect(rep, "Trattoria Bruno").await;
    let (call, reached) = app.outcome_id(rep, "Call", "Reached");
    for _ in 0..2 {
        app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[]).await;
    }
    let list = asked(&app, "/prospects").await;
    assert!(list.contains(&format!(r#"href="/prospects/{prospect}/delete""#)));
    let page = asked(&app, &format!("/prospects/{prospect}/delete")).await;
    assert_eq!(
        texts(&page, "main .card p"),
        [
            "Deleting the prospect “Trattoria Bruno” cannot be undone.",
            "The 2 activities logged on it go with it, and stop counting in every sales objective.",
        ]
    );
    assert_eq!(app.count("activities"), 2);
    let deleted = app.submit(&format!("/prospects/{prospect}/delete"), &[]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert_eq!((app.count("prospects"), app.count("activities"), app.differences()), (0, 0, 0));
}

#[tokio::test]
async fn archiving_and_removing_a_holder_say_whose_figures_leave() {
    let mut app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(2).build();
    let manager = acme.manager();
    let (rita, remo) = (&acme.reps[0], &acme.reps[1]);
    let id = ObjectiveBuilder::calls(&app, manager, "Calls")
        .targets(&[("month", "10")])
        .held_by(&[rita, remo])
        .create(&app, manager);
    app.login_as(manager).await;
    let base = format!("/control-panel/sales-objectives/{id}");

    let shown = asked(&app, &base).await;
    assert!(shown.contains(&format!(r#"href="{base}/archive""#)));
    let page = asked(&app, &format!("{base}/archive")).await;
    assert_eq!(
        texts(&page, "main .card p"),
        [
            "Archiving “Calls” takes it off the dashboard, My objectives and the export for its 2 holders. Its settings and figures are kept: restore it to show it again."
        ]
    );
    let page = asked(&app, &format!("{base}/assignments/{}/delete", rita.id)).await;
    assert_eq!(
        texts(&page, "main .card p"),
        [
            "Rita Rep no longer holds “Calls”: their figures leave it on the dashboard, its detail, the export and their My objectives, in every period. Their work stays recorded; assigning them again brings it back."
        ]
    );
    assert_eq!(app.count("assignments"), 2, "asking changes nothing");
    let removed = app.submit(&format!("{base}/assignments/{}/delete", rita.id), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("assignments"), 1);
    // Removed: there is nothing left to ask about.
    assert_eq!(app.get(&format!("{base}/assignments/{}/delete", rita.id)).await.status(), StatusCode::NOT_FOUND);

    // A rep may not be asked at all.
    app.new_browser();
    app.login_as(remo).await;
    assert_eq!(app.get(&format!("{base}/archive")).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn deactivating_a_user_names_the_objectives_they_hold() {
    let mut app = TestApp::spawn().await;
    let acme = app.acme().with_manager().with_reps(1).build();
    let rita: &UserRow = &acme.reps[0];
    ObjectiveBuilder::calls(&app, acme.manager(), "Calls")
        .targets(&[("month", "10")])
        .held_by(&[rita])
        .create(&app, acme.manager());
    app.login_as(&acme.admin).await;
    let users = asked(&app, "/admin/users").await;
    assert!(users.contains(&format!(r#"href="/admin/users/{}/deactivate""#, rita.id)));
    let page = asked(&app, &format!("/admin/users/{}/deactivate", rita.id)).await;
    let sentences = texts(&page, "main .card p");
    assert_eq!(sentences[1], "Rita Rep holds “Calls”: they stay there, marked as deactivated, until you remove them.");
    let done = app.submit(&format!("/admin/users/{}/deactivate", rita.id), &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    // Another account's user has nothing to confirm.
    let stranger = app.create_account("Globex", "admin@globex.example");
    assert_eq!(app.get(&format!("/admin/users/{}/deactivate", stranger.id)).await.status(), StatusCode::NOT_FOUND);
    let rep = app.create_user("Acme", "remo@acme.example", "Remo Rep", Role::Rep);
    app.new_browser();
    app.login_as(&rep).await;
    assert_eq!(app.get(&format!("/admin/users/{}/deactivate", rita.id)).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn changing_the_edition_is_reviewed_first_and_a_bad_change_keeps_the_form() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_manager().build();
    ObjectiveBuilder::calls(&app, acme.manager(), "Calls").targets(&[("month", "10")]).create(&app, acme.manager());
    app.login_as(&acme.admin).await;
    let form = asked(&app, "/admin/licences").await;
    assert!(form.contains(r#"<form method="get" action="/admin/licences/review""#));
    assert!(
        texts(&form, "form[action='/admin/licences/review'] input[name='csrf_token']").is_empty(),
        "no token in a URL"
    );

    let page = asked(&app, "/admin/licences/review?edition=sales_essentials&licences=10").await;
    let sentences = texts(&page, "main .card p");
    assert_eq!(sentences[0], "The edition goes from Dream Team to Sales Essentials.");
    assert!(
        sentences[1].starts_with("Sales objectives are not in the new edition: the objective and its statistics"),
        "{sentences:?}"
    );
    assert_eq!(app.account_of(&acme.admin).edition.as_str(), "dream_team", "reviewing changes nothing");

    let refused = app.get("/admin/licences/review?edition=sales_essentials&licences=zero").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert_eq!(texts(&body, "#licences-error").len(), 1);
    assert!(body.contains(r#"value="zero""#), "what was typed is kept");

    let done = app.submit("/admin/licences", &[("edition", "sales_essentials"), ("licences", "10")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.account_of(&acme.admin).edition.as_str(), "sales_essentials");
}
