//! The target planning grid in a real browser: typed into with the keyboard alone, each
//! cell saving as it is left (JavaScript on), or the whole grid as one form (off).

use chrono::{Datelike, Utc};
use fantoccini::key::Key;

use crate::browser::{Browser, demo_app};

/// The demo's Revenue grid by quarter, for next year (every cell open).
fn next_years_quarters(app: &crate::helpers::TestApp) -> String {
    let id =
        sales_objectives::store::accounts::find_by_name(&mut app.conn(), sales_objectives::app::demo::ACCOUNT_NAME)
            .expect("read")
            .and_then(|account| {
                sales_objectives::store::objectives::find_by_name(&mut app.conn(), account.id, "Revenue").expect("read")
            })
            .expect("the demo's Revenue")
            .id;
    format!("/control-panel/sales-objectives/{id}/targets?period=quarter&year={}-06-01", Utc::now().year() + 1)
}

#[tokio::test]
async fn the_grid_is_typed_into_with_the_keyboard_and_saves_cell_by_cell() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    let grid = next_years_quarters(&app);
    browser.goto(&grid).await;
    let first = browser.find(".plan-grid tbody tr:nth-child(2) td:nth-child(2) input").await;
    let name = first.attr("name").await.expect("attribute").expect("a name");
    let user = name.split('_').nth(1).expect("a user").to_owned();

    let before = browser.texts(&format!("#total-{user}")).await;
    // Type, Enter to the cell below, type, Tab along the row: each cell saves as it is left.
    first.click().await.expect("focused");
    first.send_keys(&format!("52000{}", char::from(Key::Enter))).await.expect("typed");
    let active = browser.client.active_element().await.expect("focus");
    let below = active.attr("name").await.expect("attribute").expect("a name");
    assert_ne!(below, name, "Enter moves to the cell below");
    assert!(below.ends_with(name.rsplit('_').next().expect("a date")), "the same column: {below}");
    active.send_keys(&format!("47000{}", char::from(Key::Tab))).await.expect("typed");
    browser.wait_for_texts(&format!("#total-{user}"), |t| t != before.as_slice()).await;
    browser.wait_for_texts(".plan-grid tbody tr:nth-child(3) .plan-cell.own", |t| !t.is_empty()).await;
    browser.screenshot("target-plan").await;

    // What was saved is there after a reload, and a bad value is refused in its cell.
    browser.goto(&grid).await;
    let saved = browser.find(&format!("input[name='{name}']")).await.prop("value").await.expect("value");
    assert!(saved.as_deref().is_some_and(|v| v.starts_with("52")), "{saved:?}");
    // Selected, then typed over, as a person does (clearing would save the empty cell first).
    let cell = browser.find(&format!("input[name='{name}']")).await;
    cell.click().await.expect("focused");
    browser.client.execute("document.activeElement.select(); return null;", vec![]).await.expect("selected");
    cell.send_keys(&format!("-3{}", char::from(Key::Tab))).await.expect("typed");
    browser.wait_for_texts(".plan-grid .field-error", |t| t.len() == 1).await;
    let kept = browser.find(&format!("input[name='{name}']")).await.prop("value").await.expect("value");
    assert_eq!(kept.as_deref(), Some("-3"));
}

#[tokio::test]
async fn without_javascript_the_whole_grid_is_one_form() {
    let app = demo_app().await;
    let browser = Browser::open(&app, false).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    let grid = next_years_quarters(&app);
    browser.goto(&grid).await;
    let first = browser.find(".plan-grid tbody tr:nth-child(2) td:nth-child(2) input").await;
    let name = first.attr("name").await.expect("attribute").expect("a name");
    first.send_keys(&format!("51000{}", char::from(Key::Enter))).await.expect("typed");
    browser.wait_for_texts(".flash", |t| t.iter().any(|m| m.contains("salvato") || m.contains("saved"))).await;
    let saved = browser.find(&format!("input[name='{name}']")).await.prop("value").await.expect("value");
    assert!(saved.as_deref().is_some_and(|v| v.starts_with("51")), "{saved:?}");
    browser.screenshot("target-plan-without-javascript").await;

    // The objective's page says whose targets are their own; a holder's page sets them.
    browser.click(".crumbs a:last-child").await;
    browser.wait_for_texts(".holders li", |t| t.iter().any(|h| h.contains("Own target"))).await;
    browser.screenshot("objective-holders").await;
    browser.click(".holders li .actions a:first-child").await;
    browser.wait_for_texts("h1", |t| t.iter().any(|h| h.contains("targets"))).await;
    browser.screenshot("holder-targets").await;
}

#[tokio::test]
async fn the_dashboard_shows_own_targets_and_the_teams_against_theirs() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    browser.goto("/statistics/sales-objectives?type=sales&period=quarter").await;
    let rows = browser.texts(".progress-table tbody tr").await;
    assert!(rows.iter().any(|r| r.contains("Luca Rossi") && r.contains("own target")), "{rows:?}");
    let teams = browser.texts(".team-table tbody tr").await;
    assert!(teams.iter().any(|t| t.contains("Nord") && t.contains("120,000")), "{teams:?}");
    browser
        .client
        .execute("document.querySelector('.team-table').scrollIntoView({block: 'center'}); return null;", vec![])
        .await
        .expect("scrolled");
    browser.screenshot("statistics-teams").await;
}
