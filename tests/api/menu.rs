use reqwest::StatusCode;
use sales_objectives::domain::role::Role;

use crate::helpers::{TestApp, texts};

async fn menu_of(app: &TestApp) -> Vec<String> {
    let html = app.get("/").await.text().await.expect("body");
    texts(&html, "nav.menu a")
}

#[tokio::test]
async fn a_rep_sees_only_pages_for_everyone() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&rep).await;
    assert_eq!(menu_of(&app).await, ["Home", "My objectives", "Activities", "Leads", "Prospects"]);
}

#[tokio::test]
async fn a_manager_also_sees_the_control_panel() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let manager = app.create_user("Acme", "manager@acme.example", "Mara Manager", Role::Manager);
    app.login_as(&manager).await;
    assert_eq!(
        menu_of(&app).await,
        ["Home", "My objectives", "Statistics", "Activities", "Leads", "Prospects", "Control Panel"]
    );
}

#[tokio::test]
async fn an_admin_also_sees_edition_and_licences() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    assert_eq!(
        menu_of(&app).await,
        [
            "Home",
            "My objectives",
            "Statistics",
            "Activities",
            "Leads",
            "Prospects",
            "Control Panel",
            "Edition & licences"
        ]
    );
}

#[tokio::test]
async fn every_menu_link_leads_to_a_page() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let html = app.get("/").await.text().await.expect("body");
    let selector = scraper::Selector::parse("nav.menu a").expect("selector");
    let hrefs: Vec<String> = scraper::Html::parse_document(&html)
        .select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    for href in hrefs {
        assert_eq!(app.get(&href).await.status(), StatusCode::OK, "{href}");
    }
}

#[tokio::test]
async fn a_rep_is_refused_the_control_panel_and_licences() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&rep).await;
    for path in ["/control-panel", "/control-panel/actions", "/control-panel/pipelines", "/admin/licences"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let html = response.text().await.expect("body");
        assert_eq!(texts(&html, "h1"), ["Access denied"]);
    }
}

#[tokio::test]
async fn a_manager_is_refused_edition_and_licences() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let manager = app.create_user("Acme", "manager@acme.example", "Mara Manager", Role::Manager);
    app.login_as(&manager).await;
    assert_eq!(app.get("/control-panel").await.status(), StatusCode::OK);
    assert_eq!(app.get("/admin/licences").await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_current_page_is_marked_in_the_menu() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let html = app.get("/control-panel").await.text().await.expect("body");
    assert_eq!(texts(&html, r#"nav.menu a[aria-current="page"]"#), ["Control Panel"]);
}

#[tokio::test]
async fn outside_dream_team_the_menu_offers_what_the_edition_has_and_a_rep_lands_on_a_page_they_may_open() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    app.execute("UPDATE accounts SET edition = 'sales_essentials'");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    let signed_in = app.login(&rep.email, crate::helpers::PASSWORD).await;
    let home = crate::helpers::location(&signed_in).to_owned();
    assert_eq!(app.get(&home).await.status(), StatusCode::OK, "lands on {home}");
    assert_eq!(menu_of(&app).await, ["Home", "Activities", "Leads", "Prospects"]);
    let html = app.get("/").await.text().await.expect("body");
    let selector = scraper::Selector::parse("nav.menu a").expect("selector");
    for href in scraper::Html::parse_document(&html).select(&selector).filter_map(|a| a.value().attr("href")) {
        assert_eq!(app.get(href).await.status(), StatusCode::OK, "{href}");
    }
    // Asked for anyway (a bookmark), the page refuses and keeps the menu and sign-out.
    let refused = app.get("/me/objectives").await;
    assert_eq!(refused.status(), StatusCode::PAYMENT_REQUIRED);
    let html = refused.text().await.expect("body");
    assert_eq!(texts(&html, "nav.menu a"), ["Home", "Activities", "Leads", "Prospects"]);
    assert_eq!(texts(&html, "form[action='/logout'] button"), ["Sign out"]);
}

#[tokio::test]
async fn every_error_page_of_a_signed_in_reader_keeps_the_menu() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rep@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&rep).await;
    for (path, status) in [("/control-panel", StatusCode::FORBIDDEN), ("/leads/999999/edit", StatusCode::NOT_FOUND)] {
        let response = app.get(path).await;
        assert_eq!(response.status(), status, "{path}");
        let html = response.text().await.expect("body");
        assert!(texts(&html, "nav.menu a").contains(&"My objectives".to_owned()), "{path}: {html}");
        assert_eq!(texts(&html, "form[action='/logout'] button"), ["Sign out"], "{path}");
    }
}
