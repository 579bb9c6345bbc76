use reqwest::StatusCode;
use sales_objectives::domain::role::Role;

use crate::helpers::{TestApp, location, texts};

#[tokio::test]
async fn a_prospect_is_created_listed_and_converted_into_a_lead() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&rep).await;
    let response = app.submit("/prospects", &[("name", "Ottica Vitale"), ("list_name", "Trade fair")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let prospect = app.prospect_id(&rep, "Ottica Vitale");
    let list = app.get("/prospects").await.text().await.expect("body");
    assert!(list.contains("Ottica Vitale") && list.contains("Trade fair"));

    let sales = app.pipeline_id(&rep, "Sales");
    let converted = app.submit(&format!("/prospects/{prospect}/convert"), &[("pipeline_id", &sales)]).await;

    assert_eq!(converted.status(), StatusCode::SEE_OTHER);
    let lead = app.lead_id(&rep, "Ottica Vitale");
    assert_eq!(location(&converted), format!("/leads/{lead}/edit"));
    let again = app.submit(&format!("/prospects/{prospect}/convert"), &[("pipeline_id", &sales)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("leads"), 1);
}

#[tokio::test]
async fn a_prospect_needs_a_name() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let response = app.submit("/prospects", &[("name", "  "), ("list_name", "Cold list")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert_eq!(texts(&html, "#name-error"), ["Enter a name."]);
    assert!(html.contains("Cold list"));
    assert_eq!(app.count("prospects"), 0);
}

#[tokio::test]
async fn deleting_a_prospect_takes_back_its_activities() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let prospect = app.new_prospect(&admin, "Ottica Vitale").await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");
    app.log_activity(&format!("prospect:{prospect}"), &call, &reached, &[]).await;

    assert_eq!(app.submit(&format!("/prospects/{prospect}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);

    assert_eq!((app.count("prospects"), app.count("activities")), (0, 0));
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_change_is_confirmed_once_on_the_next_page() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    app.submit("/prospects", &[("name", "Ottica Vitale")]).await;
    let next = app.get("/prospects").await.text().await.expect("body");
    assert_eq!(texts(&next, ".flash"), ["✓ Prospect created."]);
    let again = app.get("/prospects").await.text().await.expect("body");
    assert!(texts(&again, ".flash").is_empty());
}

#[tokio::test]
async fn the_prospect_pages_read_in_italian() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.execute(&format!("UPDATE accounts SET locale = 'it' WHERE id = {}", admin.account_id));
    app.login_as(&admin).await;
    let empty = app.get("/prospects").await.text().await.expect("body");
    assert!(empty.contains("Ancora nessun prospect."));
    assert_eq!(texts(&app.get("/prospects/new").await.text().await.expect("body"), "h1"), ["Nuovo prospect"]);
    let refused = app.submit("/prospects", &[("name", " ")]).await.text().await.expect("body");
    assert_eq!(texts(&refused, "#name-error"), ["Inserisci un nome."]);

    let prospect = app.new_prospect(&admin, "Ottica Vitale").await;
    let list = app.get("/prospects").await.text().await.expect("body");
    assert_eq!(texts(&list, ".flash"), ["✓ Prospect creato."]);
    assert!(list.contains("Converti in lead") && list.contains(r#"aria-label="Elimina Ottica Vitale""#));

    let sales = app.pipeline_id(&admin, "Sales");
    app.submit(&format!("/prospects/{prospect}/convert"), &[("pipeline_id", &sales)]).await;
    let again = app.submit(&format!("/prospects/{prospect}/convert"), &[("pipeline_id", &sales)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = again.text().await.expect("body");
    assert!(html.contains("Convertito"));
}
