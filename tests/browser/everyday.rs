//! Everyday use in a real browser: a date typed digit by digit asks for figures once, when
//! it is whole; a new user's set-password link is whole and offers to be copied; a lead's
//! page logs, wins and undoes; the subject list searches as one types.

use std::time::Duration;

use crate::browser::{Browser, demo_app};

#[tokio::test]
async fn a_typed_date_reloads_the_figures_once_it_is_whole() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    browser.goto("/statistics/sales-objectives?type=activity&period=day").await;
    browser.client.execute("performance.clearResourceTimings(); return null;", vec![]).await.expect("script");
    let field = browser.find("#date").await;
    // Focused from its first part, as a tab into the field would.
    browser.client.execute("document.getElementById('date').focus(); return null;", vec![]).await.expect("focused");
    // Month, day, then the year digit by digit: 0002, 0020, 0202, 2025 on the way.
    field.send_keys("03042025").await.expect("typed");
    let dated = |path: &str| path.contains("date=2025-03-04");
    let started = std::time::Instant::now();
    while !dated(&browser.path().await) {
        assert!(started.elapsed() < Duration::from_secs(10), "never reloaded: {}", browser.path().await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let asked = "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('date='));";
    let asked = browser.client.execute(asked, vec![]).await.expect("script");
    let asked: Vec<String> = serde_json::from_value(asked).expect("a list of addresses");
    assert_eq!(asked.len(), 1, "one request, for the whole date: {asked:?}");
    assert!(asked[0].contains("date=2025-03-04"), "{asked:?}");
}

#[tokio::test]
async fn a_new_users_link_is_whole_and_offers_to_be_copied() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("giulia.ferri@demo-srl.example").await;
    browser.goto("/admin/users").await;
    assert_eq!(browser.find("#new-role option:checked").await.text().await.expect("text").trim(), "Rep");
    browser.fill("#new-name", "Leo Link").await;
    browser.fill("#new-email", "leo.link@demo-srl.example").await;
    browser.click("input[name=link]").await;
    browser.click("form[action='/admin/users'] button[type=submit]").await;
    let link = browser.wait_for_texts("code.link", |t| !t.is_empty()).await;
    assert!(link[0].starts_with(&format!("{}/set-password?token=", app.address)), "{link:?}");
    let copy = browser.find("button[data-copy=set-password-link]").await;
    assert!(copy.is_displayed().await.expect("shown"), "the copy button shows where script runs");
    browser.screenshot("new-user-link").await;
}

#[tokio::test]
async fn on_a_phone_the_menu_and_the_filters_fold_behind_their_buttons() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    browser.client.set_window_size(390, 844).await.expect("a phone's width");
    browser.goto("/statistics/sales-objectives?type=activity&period=week").await;
    let shown = |css: &'static str| {
        let browser = &browser;
        async move { browser.find(css).await.is_displayed().await.expect("displayed or not") }
    };
    assert!(!shown("#main-menu").await && !shown("#statistics-filters").await, "folded on a phone");
    assert_eq!(browser.texts(".fold-button").await, ["Menu", "Filters"]);
    browser.screenshot("statistics-folded").await;
    browser.client.set_window_size(390, 844).await.expect("a phone's width");
    browser.click("button[aria-controls=main-menu]").await;
    assert!(shown("#main-menu").await, "the menu opens");
    browser.click("button[aria-controls=statistics-filters]").await;
    assert!(shown("#statistics-filters").await, "the filters open");
    browser.choose("#period", "Month").await;
    browser.wait_for_texts(".period-title", |t| t.iter().any(|t| t.contains("2026") && !t.contains("Week"))).await;
    assert!(shown("#statistics-filters").await, "filters just used stay open");
}

#[tokio::test]
async fn a_rep_logs_on_a_lead_page_in_one_step_wins_it_and_undoes_a_deletion() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("luca.rossi@demo-srl.example").await;
    browser.goto("/leads").await;
    browser.click("tr:has(.status-todo) td:first-child a").await;
    browser.wait_for_texts("#log-heading", |t| t == ["Log an activity"]).await;
    browser.choose("#outcome_id", "Call · Reached").await;
    browser.fill("#note", "Asked for a quote").await;
    browser.click("form[action$='/activities'] button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| t == ["✓ Activity logged."]).await;
    assert_eq!(browser.texts(".timeline-note").await.first().map(String::as_str), Some("Asked for a quote"));
    browser.screenshot("lead").await;

    browser.fill("#amount", "4,200").await;
    browser.click("form[action$='/win'] button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| t == ["✓ Lead marked as won."]).await;
    assert_eq!(browser.texts(".timeline .status").await.first().map(String::as_str), Some("Won for €4,200.00"));

    // The activity just logged, deleted from the timeline, then put back.
    browser.click(".timeline a.danger").await;
    browser.wait_for_texts("main h1", |t| t == ["Delete this activity?"]).await;
    browser.screenshot("delete-activity").await;
    browser.click("main form button.danger").await;
    browser.wait_for_texts("form.undo button", |t| t == ["Undo"]).await;
    browser.screenshot("activity-undo").await;
    browser.click("form.undo button").await;
    browser.wait_for_texts(".flash", |t| t == ["✓ Activity put back: it counts again."]).await;
}

#[tokio::test]
async fn the_subject_list_narrows_as_one_types() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("luca.rossi@demo-srl.example").await;
    browser.goto("/activities/new").await;
    let all = browser.texts("#subject option").await.len();
    browser.find("#subject_q").await.send_keys("renewal").await.expect("typed");
    let found = browser
        .wait_for_texts("#subject option", |t| {
            t.len() > 1 && t.len() < all && t.iter().skip(1).all(|o| o.contains("renewal"))
        })
        .await;
    assert!(found.len() > 1, "{found:?}");
    browser.screenshot("log-activity-search").await;
}
