use crate::browser::{Browser, demo_app};

#[tokio::test]
async fn a_manager_creates_an_activity_objective_assigns_it_and_meets_the_duplicate_rule() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;

    browser.goto("/control-panel/sales-objectives/new").await;
    browser.fill("#name", "Meetings held or missed").await;
    browser.mark_document().await;
    browser.choose("#action_id", "Meeting").await;
    let results = browser
        .wait_for_texts("#outcome-choices label.checkbox:not(.all)", |t| t == ["Held", "Cancelled", "No show"])
        .await;
    assert_eq!(results.len(), 3);
    assert!(browser.document_is_marked().await, "the results changed without a page load");
    browser.click("#outcome-choices input[name=outcome_ids]").await; // Held
    browser.choose("#context", "Leads").await;
    browser.choose("#period_1", "Week").await;
    browser.fill("#target_1", "3").await;
    browser.click("form .form-actions button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| t.iter().any(|m| m.contains("Objective created"))).await;

    let assign = |name: &'static str| format!("//label[contains(., '{name}')]/input[@name='user_ids']");
    for name in ["Luca Rossi", "Sara Colombo"] {
        browser
            .client
            .find(fantoccini::Locator::XPath(&assign(name)))
            .await
            .expect("checkbox")
            .click()
            .await
            .expect("ticked");
    }
    browser.click("#assignments form button.primary").await;
    browser.wait_for_texts(".flash", |t| t == ["✓ Assigned to 2 users."]).await;
    browser
        .client
        .find(fantoccini::Locator::XPath(&assign("Luca Rossi")))
        .await
        .expect("checkbox")
        .click()
        .await
        .expect("ticked");
    browser.click("#assignments form button.primary").await;
    browser
        .wait_for_texts("#assignments [role=alert]", |t| {
            t.iter().any(|m| m.contains("Luca Rossi already holds this objective"))
        })
        .await;
    browser.screenshot("objective-page").await;
}

#[tokio::test]
async fn a_rep_lands_on_my_objectives_logs_an_activity_and_sees_the_figure_change() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("luca.rossi@demo-srl.example").await;
    assert_eq!(browser.path().await, "/me/objectives");
    let daily = ".objective-card:first-child .big-figure strong";
    let before: i64 = browser.texts(daily).await[0].parse().expect("a count");

    browser.goto("/activities/new").await;
    browser.choose_first("#subject").await;
    browser.choose("#action_id", "Call").await;
    browser.wait_for_texts("#outcome_id option", |t| t.contains(&"Reached".to_owned())).await;
    browser.choose("#outcome_id", "Reached").await;
    browser.fill("#occurred_at", "").await;
    browser.click("form .form-actions button[type=submit]").await;
    browser.wait_for_texts(".flash", |t| t == ["✓ Activity logged."]).await;

    browser.goto("/me/objectives").await;
    let after: i64 = browser.texts(daily).await[0].parse().expect("a count");
    assert_eq!(after, before + 1, "Calls reached today went up by one");
    browser.screenshot("my-objectives").await;
}

#[tokio::test]
async fn statistics_filters_swap_the_table_push_the_url_and_the_back_button_restores_it() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    browser.goto("/statistics/sales-objectives?type=activity&period=day").await;
    browser.mark_document().await;

    browser.choose("#period", "Week").await;
    browser.wait_for_texts(".period-title strong", |t| t.iter().any(|s| s.starts_with("Week of"))).await;
    let week_url = browser.path().await;
    assert!(week_url.contains("period=week"), "{week_url}");
    let week_tables = browser.texts(".stats-section h2").await;

    browser.click("input[name=type][value=sales]").await;
    browser
        .wait_for_texts(".stats-section h2", |t| {
            t.contains(&"Revenue".to_owned()) || t.contains(&"Deals won".to_owned())
        })
        .await;
    assert!(browser.path().await.contains("type=sales"));
    assert!(browser.document_is_marked().await, "no full page load");

    browser.client.back().await.expect("back");
    browser.wait_for_texts(".stats-section h2", |t| t == week_tables).await;
    assert_eq!(browser.path().await, week_url);

    browser.client.refresh().await.expect("reload");
    assert_eq!(browser.texts(".stats-section h2").await, week_tables, "the URL alone renders the same table");
    browser.screenshot("statistics").await;

    // A refused htmx request shows its message above the table and leaves the table be;
    // the next good answer clears it.
    let refused = "htmx.ajax('GET', '/statistics/sales-objectives?type=activity&period=week&date=1850-01-01', \
                   {target: '#statistics', swap: 'outerHTML'})";
    browser.client.execute(refused, vec![]).await.expect("script ran");
    browser
        .wait_for_texts("#htmx-error [role=alert]", |t| t.iter().any(|m| m.contains("between the years 1900 and 2200")))
        .await;
    assert_eq!(browser.texts(".stats-section h2").await, week_tables, "the table is still there");
    browser.choose("#period", "Month").await;
    browser.wait_for_texts("#htmx-error", |t| t.iter().all(String::is_empty)).await;
}
