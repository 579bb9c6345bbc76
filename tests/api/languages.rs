//! English and Italian: which language a reader gets, every main page in both, and numbers,
//! money and dates written and read the reader's way.

use std::collections::BTreeMap;

use reqwest::{StatusCode, header};
use sales_objectives::domain::account::Locale;
use sales_objectives::domain::ids::LeadId;
use sales_objectives::domain::role::Role;
use sales_objectives::i18n::lookup;
use sales_objectives::store::leads;
use scraper::{Html, Selector};

use crate::helpers::{PASSWORD, TestApp, input_value, location};

fn italian(key: &str) -> String {
    lookup(Locale::It, key, &[])
}

fn english(key: &str) -> String {
    lookup(Locale::En, key, &[])
}

fn html_lang(html: &str) -> Option<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse("html").expect("selector");
    document.select(&selector).next().and_then(|e| e.value().attr("lang")).map(str::to_owned)
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("body")
}

#[tokio::test]
async fn the_sign_in_page_follows_the_browser_until_a_language_is_chosen() {
    let app = TestApp::spawn().await;
    let ask = |path: &str, languages: &str| {
        app.client.get(app.url(path)).header(header::ACCEPT_LANGUAGE, languages.to_owned()).send()
    };

    let response = ask("/login", "it-IT,it;q=0.9,en;q=0.5").await.expect("request");
    assert_eq!(response.headers().get(header::CONTENT_LANGUAGE).and_then(|v| v.to_str().ok()), Some("it"));
    let html = response.text().await.expect("body");
    assert_eq!(html_lang(&html).as_deref(), Some("it"));
    assert!(html.contains(&italian("login-intro")));
    assert!(html.contains(r#"href="/login?lang=en""#), "the switch offers English");

    let html = ask("/login", "de-DE,fr;q=0.8").await.expect("request").text().await.expect("body");
    assert_eq!(html_lang(&html).as_deref(), Some("en"), "no language we speak: English");

    // The switch wins over the browser, and is remembered.
    let response = ask("/login?lang=en", "it-IT").await.expect("request");
    let cookie = response.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cookie.starts_with("lang=en") && cookie.contains("HttpOnly"), "{cookie}");
    assert!(response.text().await.expect("body").contains(&english("login-intro")));
    let html = ask("/login", "it-IT").await.expect("request").text().await.expect("body");
    assert_eq!(html_lang(&html).as_deref(), Some("en"));

    // A wrong password is refused in the chosen language.
    app.get("/login?lang=it").await;
    let response = app.login("nobody@example.com", "wrong password").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.text().await.expect("body").contains(&italian("login-refused")));
}

#[tokio::test]
async fn a_users_preference_beats_the_browser_language_which_beats_the_accounts() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Ottica Srl", "admin@ottica.example", Locale::It);
    let rep = app.create_user("Ottica Srl", "rep@ottica.example", "Rita Rep", Role::Rep);

    // Without a language of their own: the browser's, when we speak it, else the account's.
    app.login_as(&admin).await;
    let with_browser = |languages: &'static str| {
        let request = app.client.get(app.url("/control-panel")).header(header::ACCEPT_LANGUAGE, languages);
        async move { request.send().await.expect("request").text().await.expect("body") }
    };
    let html = with_browser("en-GB").await;
    assert_eq!(html_lang(&html).as_deref(), Some("en"));
    assert!(html.contains(&english("menu-control-panel")) && html.contains(&english("sign-out")));
    let html = with_browser("de-DE, fr").await;
    assert_eq!(html_lang(&html).as_deref(), Some("it"), "no language we speak: the account's");
    assert!(html.contains(&italian("menu-control-panel")) && html.contains(&italian("sign-out")));

    // The admin prefers English: My account, then every page, whatever the browser asks.
    let response = app
        .submit(
            "/me/account",
            &[("name", "Admin Person"), ("locale", "en"), ("current_password", ""), ("new_password", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = page(&app, "/me/account").await;
    assert_eq!(html_lang(&html).as_deref(), Some("en"));
    assert!(html.contains(&english("my-account-saved")), "the word on the change is in the new language");
    assert!(page(&app, "/control-panel").await.contains(&english("menu-control-panel")));
    assert_eq!(html_lang(&with_browser("it-IT").await).as_deref(), Some("en"));

    // The rep keeps the account's language, and signing in remembers it for the next sign-in page.
    let rep_browser = app.another_browser();
    rep_browser.login_as(&rep).await;
    assert_eq!(html_lang(&page(&rep_browser, "/me/objectives").await).as_deref(), Some("it"));
    rep_browser.logout().await;
    assert_eq!(html_lang(&page(&rep_browser, "/login").await).as_deref(), Some("it"));
}

/// The single-line English texts that Italian writes differently, long enough to be
/// unmistakable: none of them may show on a page read in Italian.
fn english_only_texts() -> Vec<String> {
    let read = |language: &str| -> BTreeMap<String, String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(language);
        let mut texts = BTreeMap::new();
        for entry in std::fs::read_dir(dir).expect("catalogues").flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("catalogue");
            for line in text.lines() {
                if let Some((key, value)) = line.split_once(" = ") {
                    if !key.starts_with(['#', ' ', '-']) && !value.contains('{') {
                        texts.insert(key.to_owned(), value.trim().to_owned());
                    }
                }
            }
        }
        texts
    };
    let (english, italian) = (read("en"), read("it"));
    english
        .into_iter()
        .filter(|(key, text)| {
            text.len() >= 12 && italian.get(key).is_some_and(|it| it != text && !it.contains(text.as_str()))
        })
        .map(|(_, text)| text)
        .collect()
}

/// What a reader sees of a page: its text, and the labels assistive technology reads out.
fn readable(html: &str) -> String {
    let document = Html::parse_document(html);
    let body = Selector::parse("body").expect("selector");
    let labelled = Selector::parse("[aria-label], [title], [placeholder]").expect("selector");
    let mut text: String = document.select(&body).flat_map(|b| b.text()).collect::<Vec<_>>().join(" ");
    for element in document.select(&labelled) {
        for name in ["aria-label", "title", "placeholder"] {
            if let Some(value) = element.value().attr(name) {
                text.push(' ');
                text.push_str(value);
            }
        }
    }
    text
}

const MAIN_PAGES: [&str; 26] = [
    "/",
    "/me/objectives",
    "/statistics/sales-objectives?type=overview",
    "/statistics/sales-objectives?type=activity&period=week",
    "/statistics/sales-objectives?type=activity&period=year",
    "/statistics/sales-objectives?type=sales&period=quarter",
    "/statistics/sales-objectives/1?type=sales&period=year",
    "/statistics/sales-objectives/2?type=activity&period=month",
    "/control-panel",
    "/control-panel/sales-objectives",
    "/control-panel/sales-objectives?archived=1",
    "/control-panel/sales-objectives/new?kind=activity&action_id=1",
    "/control-panel/sales-objectives/1",
    "/control-panel/sales-objectives/1/edit",
    "/control-panel/actions",
    "/control-panel/pipelines",
    "/control-panel/import",
    "/control-panel/account",
    "/activities",
    "/activities/new",
    "/leads",
    "/leads/new",
    "/prospects",
    "/admin/licences",
    "/admin/users",
    "/admin/teams",
];

#[tokio::test]
async fn the_demo_admin_switches_to_italian_and_every_page_reads_in_italian() {
    let app = TestApp::spawn().await;
    app.load_demo();
    let admin = sales_objectives::app::demo::logins().into_iter().next().expect("the demo admin");
    assert_eq!(app.login(&admin.email, PASSWORD).await.status(), StatusCode::SEE_OTHER);

    let home = page(&app, "/").await;
    assert_eq!(html_lang(&home).as_deref(), Some("en"), "the demo reads in English at first");
    let response = app
        .submit(
            "/me/account",
            &[("name", admin.name), ("locale", "it"), ("current_password", ""), ("new_password", "")],
        )
        .await;
    assert_eq!(location(&response), "/me/account");

    let english_texts = english_only_texts();
    assert!(english_texts.len() > 100, "the catalogues are read: {}", english_texts.len());
    let mut pages: Vec<String> = MAIN_PAGES.iter().map(|p| (*p).to_owned()).collect();
    pages.extend(["/me/account".to_owned(), "/admin/audit".to_owned(), "/no/such/page".to_owned()]);
    for path in &pages {
        let response = app.get(path).await;
        let expected = if path == "/no/such/page" { StatusCode::NOT_FOUND } else { StatusCode::OK };
        assert_eq!(response.status(), expected, "{path}");
        let html = response.text().await.expect("body");
        assert_eq!(html_lang(&html).as_deref(), Some("it"), "{path}");
        let seen = readable(&html);
        let left: Vec<&String> = english_texts.iter().filter(|text| seen.contains(text.as_str())).collect();
        assert!(left.is_empty(), "{path} still shows English: {left:?}");
    }
    let statistics = readable(&page(&app, "/statistics/sales-objectives?type=activity&period=month").await);
    assert!(statistics.contains(&italian("menu-statistics")));
    let month = sales_objectives::i18n::month(Locale::It, chrono::Utc::now().date_naive());
    assert!(statistics.contains(&month), "the period is named in Italian: {month}");
}

#[tokio::test]
async fn money_and_dates_are_written_the_readers_way() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Ottica Srl", "admin@ottica.example", Locale::It);
    app.login_as(&admin).await;
    let won = [("status", "won"), ("amount", "50.000"), ("closed_at", "2026-11-27T10:00")];
    app.new_lead(&admin, "Occhiali", "Sales", &won).await;

    let list = readable(&page(&app, "/leads").await);
    assert!(list.contains("50.000,00 €"), "{list}");
    assert!(list.contains("ven 27 nov 2026"), "{list}");

    sales_objectives::store::users::set_locale(&mut app.conn(), admin.id, Some(Locale::En)).expect("preference saved");
    let list = readable(&page(&app, "/leads").await);
    assert!(list.contains("€50,000.00"), "{list}");
    assert!(list.contains("Fri 27 Nov 2026"), "{list}");
}

#[tokio::test]
async fn amounts_are_read_as_the_reader_writes_them_and_ambiguity_is_called_out() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Ottica Srl", "admin@ottica.example", Locale::It);
    app.login_as(&admin).await;
    let pipeline = app.pipeline_id(&admin, "Sales");
    let lead = async |title: &str, amount: &str| {
        app.submit("/leads", &[("title", title), ("pipeline_id", &pipeline), ("amount", amount)]).await
    };
    let amount_of = |title: &str| {
        let id = LeadId(app.lead_id(&admin, title).parse().expect("an id"));
        leads::find(&mut app.conn(), admin.account_id, id).expect("query").expect("the lead").amount_cents
    };

    // Italian: a comma before the cents, dots between thousands.
    assert_eq!(lead("Uno", "1.250,50").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(amount_of("Uno"), Some(125_050));
    let response = lead("Due", "1250.50").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    let said = lookup(Locale::It, "number-ambiguous", &[("value", "1250.50"), ("meant", "1250,50")]);
    assert!(readable(&html).contains(&said), "the ambiguity is said in Italian");
    assert_eq!(input_value(&html, "amount").as_deref(), Some("1250.50"), "the form keeps what was typed");
    assert_eq!(input_value(&html, "title").as_deref(), Some("Due"));

    // English: the other way round.
    sales_objectives::store::users::set_locale(&mut app.conn(), admin.id, Some(Locale::En)).expect("preference saved");
    assert_eq!(lead("Tre", "1,250.50").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(amount_of("Tre"), Some(125_050));
    let response = lead("Quattro", "1250,50").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let said = lookup(Locale::En, "number-ambiguous", &[("value", "1250,50"), ("meant", "1250.50")]);
    assert!(readable(&response.text().await.expect("body")).contains(&said));
}

#[tokio::test]
async fn a_refusal_reads_in_the_readers_language_and_the_csv_keeps_its_machine_header() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Ottica Srl", "admin@ottica.example", Locale::It);
    app.login_as(&admin).await;
    let response =
        app.submit("/control-panel/sales-objectives", &[("name", " "), ("kind", "sales"), ("metric", "revenue")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = readable(&response.text().await.expect("body"));
    assert!(html.contains(&italian("name-required")), "{html}");
    assert!(html.contains(&italian("choose-period")));

    let csv = app.get("/statistics/sales-objectives.csv?type=activity&period=month").await.text().await.expect("csv");
    assert!(csv.starts_with("user_email,user_name,objective,"), "{csv}");
}

#[tokio::test]
async fn an_account_created_in_italian_starts_with_its_sales_process_in_italian() {
    let app = TestApp::spawn().await;
    let italian = app.create_account_in("Ottica Srl", "admin@ottica.example", Locale::It);
    let english = app.create_account("Acme", "admin@acme.example");
    let names = |admin| {
        let list = sales_objectives::store::actions::list(&mut app.conn(), admin).expect("actions");
        list.iter().map(|a| a.action.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(italian.account_id), ["Chiamata", "Email", "Incontro", "Videochiamata", "Qualificazione"]);
    assert_eq!(names(english.account_id), ["Call", "Email", "Meeting", "Video call", "Qualification"]);
    app.outcome_id(&italian, "Chiamata", "Raggiunto");
    app.login_as(&italian).await;
    let page = page(&app, "/control-panel/actions").await;
    assert!(page.contains("Segreteria") && page.contains("Non qualificato"), "{page}");
}
