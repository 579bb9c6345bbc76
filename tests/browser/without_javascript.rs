use crate::browser::{Browser, demo_app};

#[tokio::test]
async fn every_flow_also_works_with_javascript_off() {
    let app = demo_app().await;
    let browser = Browser::open(&app, false).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;

    // The editor: choosing an action reloads the form with its results.
    browser.goto("/control-panel/sales-objectives/new").await;
    browser.fill("#name", "Video calls held").await;
    browser.choose("#action_id", "Video call").await;
    browser.click("#action_id + noscript button, .with-button noscript button, .with-button button[formaction]").await;
    browser.wait_for_texts("#outcome-choices label.checkbox:not(.all)", |t| t == ["Held", "No show"]).await;
    assert!(!browser.path().await.contains("csrf_token"), "the reload keeps the CSRF token out of the URL");
    assert_eq!(browser.texts("#name").await.len(), 1);
    browser.click("#outcome-choices input[name=outcome_ids]").await;
    browser.choose("#period_1", "Month").await;
    browser.fill("#target_1", "4").await;
    browser.click("form .form-actions button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| t.iter().any(|m| m.contains("Objective created"))).await;

    // Statistics: the Show button submits the filters.
    browser.goto("/statistics/sales-objectives?type=activity&period=day").await;
    browser.choose("#period", "Month").await;
    browser.click(".filters button[type=submit]").await;
    browser
        .wait_for_texts(".period-title strong", |t| t.iter().any(|s| s.contains("2026") && !s.starts_with("Week")))
        .await;
    assert!(browser.path().await.contains("period=month"));

    // A rep logs an activity: the result list comes with a reload too.
    browser.goto("/login").await;
    let rep = Browser::open(&app, false).await;
    rep.sign_in("sara.colombo@demo-srl.example").await;
    rep.goto("/activities/new").await;
    rep.choose_first("#subject").await;
    rep.choose("#action_id", "Email").await;
    rep.click(".with-button:has(#action_id) button[formaction]").await;
    rep.wait_for_texts("#outcome_id option", |t| t == ["Sent", "Replied"]).await;
    assert!(!rep.path().await.contains("csrf_token"));
    rep.choose("#outcome_id", "Replied").await;
    rep.click("form .form-actions button[type=submit]").await;
    rep.wait_for_texts(".flash", |t| t == ["✓ Activity logged."]).await;

    // The subject list is searched by posting the form back to itself.
    // The demo's subjects depend on the day it was generated: search for the first one's company.
    rep.goto("/activities/new").await;
    let all = rep.texts("#subject option").await;
    let company = all.get(1).and_then(|o| o.split(" · ").next()).expect("a subject").to_owned();
    rep.fill("#subject_q", &company).await;
    rep.click(".with-button:has(#subject_q) button[formaction]").await;
    let found = rep.wait_for_texts("#subject option", |t| t.len() > 1).await;
    assert!(found.len() < all.len(), "{found:?}");
    assert!(found.iter().skip(1).all(|o| o.contains(&company)), "{found:?}");
    assert!(!rep.path().await.contains("csrf_token"));

    // Deleting an activity asks first, and offers an undo, without script too.
    rep.goto("/activities").await;
    rep.click("td.row-actions a.danger").await;
    rep.click("main form button.danger").await;
    rep.click("form.undo button").await;
    rep.wait_for_texts(".flash", |t| t == ["✓ Activity put back: it counts again."]).await;
}
