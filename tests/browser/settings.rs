//! Control Panel › Account settings in a real browser: an error by its field, then a new
//! time zone whose progress the page follows by itself until the figures are recomputed.

use crate::browser::Browser;
use crate::helpers::{Options, TestApp};

#[tokio::test]
async fn the_settings_page_shows_errors_by_their_fields_and_follows_a_time_zone_change() {
    // The rebuild is run by the test, so that the page is seen while it waits.
    let app = TestApp::spawn_with(Options { no_background_rebuilds: true, ..Options::default() }).await;
    app.load_demo();
    let browser = Browser::open(&app, true).await;
    browser.sign_in("giulia.ferri@demo-srl.example").await;
    browser.goto("/control-panel/account").await;

    browser.fill("#time_zone", "Mars/Olympus").await;
    browser.click("main form.stack button[type=submit]").await;
    browser.wait_for_texts("#time_zone-error", |t| t.iter().any(|m| m.contains("is not an IANA time zone"))).await;
    let kept = browser.find("#time_zone").await.prop("value").await.expect("value");
    assert_eq!(kept.as_deref(), Some("Mars/Olympus"), "the form keeps what was typed");
    browser
        .client
        .execute("document.querySelector('#time_zone').scrollIntoView({block: 'center'})", vec![])
        .await
        .expect("scrolled");
    browser.screenshot("account-settings-error").await;

    browser.fill("#time_zone", "America/New_York").await;
    browser.click("main form.stack button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| t.iter().any(|m| m.contains("being recomputed"))).await;
    browser.wait_for_texts("#rebuild progress", |t| !t.is_empty()).await;
    browser.screenshot("account-settings-recomputing").await;

    let demo =
        sales_objectives::store::accounts::find_by_name(&mut app.conn(), sales_objectives::app::demo::ACCOUNT_NAME)
            .expect("read")
            .expect("the demo account");
    let admin = sales_objectives::store::users::list(&mut app.conn(), demo.id)
        .expect("users")
        .into_iter()
        .find(|u| u.role == sales_objectives::domain::role::Role::Admin)
        .expect("the demo admin");
    app.run_as(&admin, |cx, _| sales_objectives::app::settings::rebuild::run_pending(cx));
    // The page's poll sees the end without a reload.
    browser.wait_for_texts("#rebuild", |t| t.iter().any(|m| m.contains("now counted in America/New_York"))).await;
    browser.screenshot("account-settings-recomputed").await;
    assert_eq!(app.differences(), 0);
}
