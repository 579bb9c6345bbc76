use reqwest::StatusCode;
use sales_objectives::domain::account::Locale;
use sales_objectives::domain::role::Role;
use sales_objectives::store::actions;

use crate::helpers::{TestApp, texts};

fn action_names(app: &TestApp, user: &sales_objectives::store::users::UserRow) -> Vec<String> {
    actions::list(&mut app.conn(), user.account_id).expect("actions").into_iter().map(|a| a.action.name).collect()
}

#[tokio::test]
async fn a_new_account_starts_with_the_usual_actions_and_one_pipeline() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let page = app.get("/control-panel/actions").await.text().await.expect("body");
    let names: Vec<String> = texts(&page, ".card.action > .row input[name=name]");
    assert!(names.is_empty() || names.len() == 5);
    assert_eq!(action_names(&app, &admin), ["Call", "Email", "Meeting", "Video call", "Qualification"]);
    let outcomes: Vec<String> = actions::list(&mut app.conn(), admin.account_id).expect("actions")[0]
        .outcomes
        .iter()
        .map(|o| o.name.clone())
        .collect();
    assert_eq!(outcomes, ["Reached", "Voicemail", "No answer", "Wrong number"]);
    let pipelines = app.get("/control-panel/pipelines").await.text().await.expect("body");
    assert!(pipelines.contains(r#"value="Sales""#));
}

#[tokio::test]
async fn actions_are_added_renamed_reordered_and_disabled() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;

    assert_eq!(app.submit("/control-panel/actions", &[("name", "Demo")]).await.status(), StatusCode::SEE_OTHER);
    let demo = actions::find_action_by_name(&mut app.conn(), admin.account_id, "Demo").expect("q").expect("added");
    app.submit(&format!("/control-panel/actions/{}/rename", demo.id), &[("name", "Product demo")]).await;
    app.submit(&format!("/control-panel/actions/{}/move-up", demo.id), &[]).await;
    app.submit(&format!("/control-panel/actions/{}/add-result", demo.id), &[("name", "Convinced")]).await;
    app.submit(&format!("/control-panel/actions/{}/disable", demo.id), &[]).await;

    assert_eq!(action_names(&app, &admin), ["Call", "Email", "Meeting", "Video call", "Product demo", "Qualification"]);
    let list = actions::list(&mut app.conn(), admin.account_id).expect("actions");
    let item = list.iter().find(|a| a.action.id == demo.id).expect("there");
    assert!(!item.action.active);
    assert_eq!(item.outcomes.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["Convinced"]);
}

#[tokio::test]
async fn a_duplicate_action_name_is_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let response = app.submit("/control-panel/actions", &[("name", "Call")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "[role=alert]"), ["An action named Call already exists."]);
}

#[tokio::test]
async fn a_used_action_or_result_can_be_disabled_but_not_deleted() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let prospect = app.new_prospect(&admin, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");
    app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[]).await;

    let refused = app.submit(&format!("/control-panel/actions/{call}/delete"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&refused.text().await.expect("body"), "[role=alert]")[0].contains("disable it instead"));
    let refused = app.submit(&format!("/control-panel/results/{reached}/delete"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    assert_eq!(
        app.submit(&format!("/control-panel/results/{reached}/disable"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, voicemail) = app.outcome_id(&admin, "Call", "Voicemail");
    assert_eq!(
        app.submit(&format!("/control-panel/results/{voicemail}/delete"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (email, _) = app.outcome_id(&admin, "Email", "Sent");
    assert_eq!(
        app.submit(&format!("/control-panel/actions/{email}/delete"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(action_names(&app, &admin), ["Call", "Meeting", "Video call", "Qualification"]);
}

#[tokio::test]
async fn another_accounts_action_answers_not_found() {
    let mut app = TestApp::spawn().await;
    let other = app.create_account("Globex", "admin@globex.example");
    let (their_call, _) = app.outcome_id(&other, "Call", "Reached");
    app.new_browser();
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    for op in ["rename", "disable", "delete", "move-up"] {
        let response = app.submit(&format!("/control-panel/actions/{their_call}/{op}"), &[("name", "Hacked")]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{op}");
    }
    assert_eq!(action_names(&app, &other)[0], "Call");
}

#[tokio::test]
async fn pipelines_are_added_and_renamed_with_unique_names() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;

    assert_eq!(app.submit("/control-panel/pipelines", &[("name", "Renewals")]).await.status(), StatusCode::SEE_OTHER);
    let duplicate = app.submit("/control-panel/pipelines", &[("name", "Sales")]).await;
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = duplicate.text().await.expect("body");
    assert_eq!(texts(&html, "#new-pipeline-error"), ["A pipeline named Sales already exists."]);
    assert!(html.contains(r#"id="new-pipeline" name="name" type="text" required value="Sales""#));

    let renewals = app.pipeline_id(&admin, "Renewals");
    assert_eq!(
        app.submit(&format!("/control-panel/pipelines/{renewals}"), &[("name", "Upsell")]).await.status(),
        StatusCode::SEE_OTHER
    );
    app.pipeline_id(&admin, "Upsell");
    let clash = app.submit(&format!("/control-panel/pipelines/{renewals}"), &[("name", "Sales")]).await;
    assert_eq!(clash.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_rep_cannot_change_the_sales_process() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&rep).await;
    assert_eq!(app.submit("/control-panel/pipelines", &[("name", "Mine")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.submit("/control-panel/actions", &[("name", "Mine")]).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_italian_account_reads_its_control_panel_and_refusals_in_italian() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Acme", "admin@acme.example", Locale::It);
    app.login_as(&admin).await;

    let index = app.get("/control-panel").await.text().await.expect("body");
    assert_eq!(texts(&index, "h1"), ["Pannello di controllo"]);
    let settings = texts(&index, ".facts dd");
    assert!(settings.contains(&"Lunedì".to_owned()) && settings.contains(&"Italiano".to_owned()), "{settings:?}");

    let response = app.submit("/control-panel/actions", &[("name", "Chiamata")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "h1"), ["Azioni"]);
    assert_eq!(texts(&html, "[role=alert]"), ["Esiste già un'azione chiamata Chiamata."]);
    let duplicate = app.submit("/control-panel/pipelines", &[("name", "Sales")]).await;
    assert_eq!(
        texts(&duplicate.text().await.expect("body"), "#new-pipeline-error"),
        ["Esiste già una pipeline chiamata Sales."]
    );
}
