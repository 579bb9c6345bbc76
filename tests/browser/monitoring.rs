//! Who is behind, in a real browser: the overview opens for a manager, sorts by standing,
//! a cell leads to its detail, whose charts share one scale; My objectives shows a rep the
//! leaderboard once an admin allows it.

use crate::browser::{Browser, demo_app};

#[tokio::test]
async fn the_overview_sorts_opens_a_detail_and_my_objectives_shows_the_leaderboard() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    browser.goto("/statistics/sales-objectives").await;
    let heads = browser.wait_for_texts(".overview-table thead th", |t| t.len() > 2).await;
    let heads: Vec<String> = heads.iter().map(|h| h.to_lowercase()).collect();
    assert!(
        heads.iter().any(|h| h.contains("revenue")) && heads.iter().any(|h| h.contains("calls reached")),
        "{heads:?}"
    );
    browser.screenshot("overview").await;

    browser.choose("#sort", "Name").await;
    let names = browser.wait_for_texts(".overview-table tbody:first-of-type th[scope=row]", |t| t.len() == 6).await;
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by name");
    assert!(browser.path().await.contains("sort=name"), "a shareable URL");

    browser.click(".overview-table tbody td.overview-cell a").await;
    browser.wait_for_texts(".chart-data summary", |t| !t.is_empty()).await;
    let facts = browser.texts(".objective-card .big-figure").await;
    assert_eq!(facts.len(), 1, "the cell's person only: {facts:?}");
    browser.screenshot("objective-detail").await;

    browser.client.delete_all_cookies().await.expect("signed out");
    browser.sign_in("giulia.ferri@demo-srl.example").await;
    browser.goto("/control-panel/account").await;
    browser.click("input[name=reps_see_leaderboard]").await;
    browser.click("main form.stack button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| !t.is_empty()).await;

    browser.client.delete_all_cookies().await.expect("signed out");
    browser.sign_in("luca.rossi@demo-srl.example").await;
    browser.goto("/me/objectives").await;
    let places = browser.wait_for_texts(".leaderboard tbody tr", |t| t.len() == 6).await;
    assert!(places.iter().all(|p| !p.contains('%')), "names and ranks, no percentages: {places:?}");
    browser.screenshot("my-objectives-leaderboard").await;
    browser.client.set_window_size(390, 844).await.expect("a phone's width");
    let wider = "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > \
                 document.documentElement.clientWidth + 1 && !e.closest('.table-scroll')).map(e => e.tagName + '.' + e.className);";
    let wider = browser.client.execute(wider, vec![]).await.expect("measured");
    assert_eq!(wider, serde_json::json!([]), "nothing wider than a phone outside a scrolling table");
}
