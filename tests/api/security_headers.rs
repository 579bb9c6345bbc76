use reqwest::Response;

use crate::helpers::TestApp;

fn assert_strict_headers(response: &Response) {
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let csp = header("Content-Security-Policy");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(header("X-Content-Type-Options"), "nosniff");
    assert_eq!(header("Referrer-Policy"), "same-origin");
}

#[tokio::test]
async fn pages_errors_redirects_and_assets_carry_strict_security_headers() {
    let app = TestApp::spawn().await;
    let login = app.get("/login").await;
    let css = scraper::Html::parse_document(&app.get("/login").await.text().await.expect("body"))
        .select(&scraper::Selector::parse("link[rel=stylesheet]").expect("selector"))
        .next()
        .and_then(|l| l.value().attr("href").map(str::to_owned))
        .expect("stylesheet link");
    for response in
        [login, app.get("/no/such/page").await, app.get("/").await, app.get(&css).await, app.get("/healthz").await]
    {
        assert_strict_headers(&response);
    }
}

#[tokio::test]
async fn pages_have_no_inline_script_or_style() {
    let app = TestApp::spawn().await;
    let html = app.get("/login").await.text().await.expect("body");
    let document = scraper::Html::parse_document(&html);
    let inline_scripts = document.select(&scraper::Selector::parse("script:not([src])").expect("selector")).count();
    let styles = document.select(&scraper::Selector::parse("style, [style]").expect("selector")).count();
    assert_eq!((inline_scripts, styles), (0, 0));
}
