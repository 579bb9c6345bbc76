//! axe-core (from its npm package) on every main page: no serious or critical violation.

use std::time::Duration;

use serde_json::{Value, json};

use crate::browser::{Browser, demo_app};

fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing: run `npm ci`", path.display()))
}

/// The serious and critical violations axe finds on the current page.
async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser.client.execute(axe, vec![]).await.expect("axe injected");
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations)).catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));";
    let found = browser.client.execute_async(script, vec![]).await.expect("axe ran");
    found
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            let targets: Vec<Value> =
                v["nodes"].as_array().map(|n| n.iter().map(|n| n["target"].clone()).collect()).unwrap_or_default();
            format!("{}: {} {}", v["id"], v["help"], json!(targets))
        })
        .collect()
}

#[tokio::test]
async fn every_main_page_passes_axe_and_is_captured() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser
        .client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(None, None, Some(Duration::from_secs(30))))
        .await
        .expect("timeouts");
    let axe = axe_source();
    let mut report = Vec::new();
    browser.goto("/login").await;
    report.extend(violations(&browser, &axe).await.into_iter().map(|v| format!("/login {v}")));
    browser.screenshot("login").await;
    browser.sign_in("giulia.ferri@demo-srl.example").await;
    let pages = [
        ("/", "home"),
        ("/me/objectives", "my-objectives-admin"),
        ("/statistics/sales-objectives?type=overview", "statistics-overview"),
        ("/statistics/sales-objectives?type=activity&period=week", "statistics-week"),
        ("/statistics/sales-objectives?type=sales&period=quarter", "statistics-sales"),
        ("/statistics/sales-objectives/1?type=sales&period=year", "objective-detail"),
        ("/control-panel", "control-panel"),
        ("/control-panel/sales-objectives", "objectives"),
        ("/control-panel/sales-objectives/new?kind=activity&action_id=1", "objective-form"),
        ("/control-panel/sales-objectives/1", "objective"),
        ("/control-panel/sales-objectives/1/targets?period=quarter", "target-plan-grid"),
        ("/control-panel/sales-objectives/1/assignments/3", "holder-targets-page"),
        ("/control-panel/sales-objectives/1/teams/1", "team-targets"),
        ("/control-panel/sales-objectives?ended=1", "objectives-ended"),
        ("/control-panel/actions", "actions"),
        ("/control-panel/pipelines", "pipelines"),
        ("/control-panel/import", "import"),
        ("/control-panel/api-tokens", "api-tokens"),
        ("/activities", "activities"),
        ("/activities/new", "log-activity"),
        ("/leads", "leads"),
        ("/leads/new", "new-lead"),
        ("/leads/1/delete", "delete-lead"),
        ("/leads/1", "lead"),
        ("/activities/1/delete", "delete-activity-confirm"),
        ("/prospects", "prospects"),
        ("/prospects/1", "prospect"),
        ("/prospects/1/delete", "delete-prospect"),
        ("/control-panel/sales-objectives/1/archive", "archive-objective"),
        ("/admin/users/2/deactivate", "deactivate-user"),
        ("/admin/licences/review?edition=sales_essentials&licences=10", "licences-review"),
        ("/admin/licences", "licences"),
        ("/admin/users", "users"),
        ("/admin/teams", "teams"),
        ("/admin/audit", "audit"),
        ("/control-panel/account", "account-settings"),
        ("/me/account", "my-account"),
    ];
    for (path, name) in pages {
        browser.goto(path).await;
        report.extend(violations(&browser, &axe).await.into_iter().map(|v| format!("{path} {v}")));
        browser.screenshot(name).await;
    }
    // The same pages read in Italian, chosen as a user would, in My account.
    browser.goto("/me/account").await;
    browser.choose("#locale", "Italiano").await;
    browser.click("main form button[type=submit]").await;
    for (path, name) in pages {
        browser.goto(path).await;
        report.extend(violations(&browser, &axe).await.into_iter().map(|v| format!("{path} (it) {v}")));
        browser.screenshot(&format!("{name}-it")).await;
    }
    assert!(report.is_empty(), "axe found serious or critical violations:\n{}", report.join("\n"));
}

#[tokio::test]
async fn the_dashboard_is_usable_with_the_keyboard_alone() {
    let app = demo_app().await;
    let browser = Browser::open(&app, true).await;
    browser.sign_in("marco.bianchi@demo-srl.example").await;
    browser.goto("/statistics/sales-objectives?type=activity&period=day").await;
    // Tab to the period filter and change it with the arrow keys.
    let focus_id = "return document.activeElement && document.activeElement.id;";
    let (tab, down) =
        (char::from(fantoccini::key::Key::Tab).to_string(), char::from(fantoccini::key::Key::Down).to_string());
    let mut reached = false;
    for _ in 0..30 {
        browser.client.active_element().await.expect("focus").send_keys(&tab).await.expect("tab");
        if browser.client.execute(focus_id, vec![]).await.expect("script") == json!("period") {
            reached = true;
            break;
        }
    }
    assert!(reached, "the period filter is reachable with Tab");
    browser.client.active_element().await.expect("focus").send_keys(&down).await.expect("arrow");
    browser.wait_for_texts(".period-title strong", |t| t.iter().any(|s| s.starts_with("Week of"))).await;
}
