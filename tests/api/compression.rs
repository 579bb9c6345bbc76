//! Responses compressed the way the browser asks (brotli, gzip, or not at all), static files
//! compressed once, and pages whose CSRF token is masked afresh each time, so that a
//! compressed page's size says nothing of it.

use std::io::Read;

use reqwest::{StatusCode, header};

use crate::helpers::{TestApp, input_value};

fn brotli(bytes: &[u8]) -> String {
    let mut out = String::new();
    brotli::Decompressor::new(bytes, 4096).read_to_string(&mut out).expect("brotli");
    out
}

fn gunzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut out).expect("gzip");
    out
}

#[tokio::test]
async fn pages_and_csv_come_compressed_as_the_browser_asks() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_reps(1).build();
    app.login_as(&acme.reps[0]).await;
    app.new_lead(&acme.reps[0], "Cantina Moretti", "Sales", &[]).await;

    let plain = app.get("/leads").await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none(), "not asked, not compressed");
    let plain = plain.text().await.expect("body");

    let br = app.get_with("/leads", &[("Accept-Encoding", "gzip, br")]).await;
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
    let bytes = br.bytes().await.expect("body");
    assert!(bytes.len() < plain.len());
    assert!(brotli(&bytes).contains("Cantina Moretti"));

    let csv = app.get_with("/leads.csv", &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(csv.headers()[header::CONTENT_ENCODING], "gzip");
    assert!(gunzip(&csv.bytes().await.expect("body")).starts_with("title,"));
}

#[tokio::test]
async fn static_files_are_compressed_once_and_decode_to_themselves() {
    let app = TestApp::spawn().await;
    let page = app.get("/login").await.text().await.expect("body");
    let src = page.split("script src=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a script");
    let plain = app.get(src).await.text().await.expect("body");
    for (asked, encoding) in [("br;q=1, gzip;q=0.5", "br"), ("gzip", "gzip"), ("identity", "")] {
        let response = app.get_with(src, &[("Accept-Encoding", asked)]).await;
        assert_eq!(response.headers()[header::VARY], "Accept-Encoding");
        let got = response.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().expect("ascii").to_owned());
        let bytes = response.bytes().await.expect("body");
        let decoded = match encoding {
            "br" => brotli(&bytes),
            "gzip" => gunzip(&bytes),
            _ => String::from_utf8(bytes.to_vec()).expect("utf-8"),
        };
        assert_eq!(got.as_deref().unwrap_or(""), encoding, "{asked}");
        assert_eq!(decoded, plain, "{asked}");
    }
}

#[tokio::test]
async fn every_page_masks_the_csrf_token_afresh_and_each_mask_is_accepted() {
    let app = TestApp::spawn().await;
    let acme = app.acme().with_reps(1).build();
    app.login_as(&acme.reps[0]).await;
    let first = input_value(&app.get("/prospects/new").await.text().await.expect("body"), "csrf_token").expect("token");
    let second =
        input_value(&app.get("/prospects/new").await.text().await.expect("body"), "csrf_token").expect("token");
    assert_ne!(first, second);
    for (name, token) in [("Bruno", &first), ("Vitale", &second)] {
        let response = app.post_form("/prospects", &[("name", name), ("csrf_token", token)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let forged = format!("{}00", &first[..first.len() - 2]);
    let refused = app.post_form("/prospects", &[("name", "Forged"), ("csrf_token", &forged)]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("prospects"), 2);
}
