use reqwest::{StatusCode, header};
use scraper::{Html, Selector};

use crate::helpers::TestApp;

fn attr(html: &str, css: &str, name: &str) -> String {
    Html::parse_document(html)
        .select(&Selector::parse(css).expect("selector"))
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_owned))
        .expect("element with attribute")
}

#[tokio::test]
async fn htmx_is_served_by_the_app_at_a_versioned_url_with_long_caching() {
    let app = TestApp::spawn().await;
    let html = app.get("/login").await.text().await.expect("body");
    let src = attr(&html, "script[src]", "src");
    assert!(src.starts_with("/static/vendor/htmx-2.0.") && src.ends_with(".min.js"), "{src}");

    let response = app.get(&src).await;

    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers[header::CONTENT_TYPE], "text/javascript; charset=utf-8");
    assert!(headers[header::CACHE_CONTROL].to_str().expect("ascii").contains("max-age=31536000"));
    let body = response.text().await.expect("body");
    assert!(body.contains("htmx") && body.len() > 10_000);
}

#[tokio::test]
async fn the_stylesheet_is_served_under_its_fingerprint() {
    let app = TestApp::spawn().await;
    let html = app.get("/login").await.text().await.expect("body");
    let href = attr(&html, "link[rel=stylesheet]", "href");
    let response = app.get(&href).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert_eq!(app.get("/static/app-0000000000000000.css").await.status(), StatusCode::NOT_FOUND);
}
