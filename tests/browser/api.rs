//! Control Panel › API tokens in a browser, and the API's docs page drawn by Swagger UI
//! under our content security policy.

use crate::browser::{Browser, demo_app};

#[tokio::test]
async fn an_admin_makes_a_token_sees_its_secret_once_and_reads_the_api_docs() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("giulia.ferri@demo-srl.example").await;
    browser.goto("/control-panel").await;
    browser.click("a[href='/control-panel/api-tokens']").await;
    browser.fill("#token-name", "CRM sync").await;
    browser.click("input[value='activities:write']").await;
    browser.click("input[value='results:read']").await;
    browser.click("main form.stack button[type=submit]").await;
    let secret = browser.find("#new-secret").await.text().await.expect("read");
    // The copy button is there once the script runs.
    assert!(browser.find("button[data-copy='new-secret']").await.is_displayed().await.expect("read"));
    assert!(secret.starts_with("so_"), "{secret}");
    browser.screenshot("api-token-made").await;
    // With the secret, a program reads the API; the page shows it no more.
    let answer = reqwest::Client::new()
        .get(format!("{}/api/v1/actions", app.address))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("answered");
    assert_eq!(answer.status(), reqwest::StatusCode::OK);
    browser.goto("/control-panel/api-tokens").await;
    let lines = browser.texts("main tbody tr").await;
    assert!(lines.iter().any(|l| l.contains("CRM sync") && l.contains("activities:write")), "{lines:?}");
    assert!(lines.iter().all(|l| !l.contains(&secret)), "{lines:?}");
    // The docs page: Swagger UI draws the document, scripts and styles all ours.
    browser.goto("/api/v1/docs").await;
    let titles = browser.wait_for_texts(".swagger-ui .info .title", |t| !t.is_empty()).await;
    assert!(titles[0].contains("Sales Objectives API"), "{titles:?}");
    browser
        .wait_for_texts(".swagger-ui .opblock-summary-path", |paths| {
            paths.iter().any(|p| p.contains("/api/v1/activities"))
        })
        .await;
    browser.screenshot("api-docs").await;
}
