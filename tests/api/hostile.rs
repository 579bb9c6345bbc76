//! Hostile input, on both databases: every route gets a battery of odd values (huge and
//! negative numbers, NUL and other control characters, right-to-left marks, 10 kB and 1 MB
//! strings, dates out of range, duplicated parameters, wrong content types). Nothing may
//! answer a 5xx, drop the connection or panic; the specific refusals are checked one by one.

use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::StatusCode;
use sales_objectives::domain::role::Role;

use crate::helpers::{TestApp, texts};

/// Panics anywhere in this process since the hook was installed (handlers run in it).
static PANICS: AtomicUsize = AtomicUsize::new(0);

fn count_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

const GET_ROUTES: [&str; 21] = [
    "/",
    "/login",
    "/login/account",
    "/activities",
    "/activities/new",
    "/leads",
    "/leads/new",
    "/leads/{id}/edit",
    "/prospects",
    "/prospects/new",
    "/prospects/{id}/edit",
    "/statistics/sales-objectives",
    "/statistics/sales-objectives.csv",
    "/statistics/sales-objectives/{id}",
    "/me/objectives",
    "/control-panel/sales-objectives/new",
    "/control-panel/sales-objectives/{id}",
    "/control-panel/sales-objectives/{id}/edit",
    "/admin/audit",
    "/control-panel/account",
    "/control-panel/account/progress",
];

const POST_ROUTES: [&str; 33] = [
    "/login",
    "/login/account",
    "/activities",
    "/activities/new",
    "/activities/{id}/delete",
    "/leads",
    "/leads/{id}",
    "/leads/{id}/delete",
    "/prospects",
    "/prospects/{id}",
    "/prospects/{id}/delete",
    "/prospects/{id}/convert",
    "/control-panel/actions",
    "/control-panel/actions/{id}/rename",
    "/control-panel/results/{id}/rename",
    "/control-panel/sales-objectives",
    "/control-panel/sales-objectives/new",
    "/control-panel/sales-objectives/{id}",
    "/control-panel/sales-objectives/{id}/assignments",
    "/control-panel/sales-objectives/{id}/assignments/{id}/delete",
    "/control-panel/sales-objectives/{id}/archive",
    "/control-panel/pipelines",
    "/control-panel/pipelines/{id}",
    "/control-panel/account",
    "/control-panel/account/holidays",
    "/control-panel/account/holidays/{id}/delete",
    "/admin/licences",
    "/admin/users",
    "/admin/users/transfer",
    "/admin/users/{id}/role",
    "/admin/teams",
    "/admin/teams/{id}/rename",
    "/set-password",
];

/// Every field and query parameter any page reads.
const FIELDS: [&str; 43] = [
    "email",
    "password",
    "next",
    "lang",
    "user_id",
    "action_id",
    "outcome_id",
    "subject",
    "occurred_at",
    "note",
    "title",
    "pipeline_id",
    "owner_id",
    "amount",
    "status",
    "closed_at",
    "version",
    "name",
    "list_name",
    "kind",
    "metric",
    "outcome_ids",
    "all_outcomes",
    "context",
    "period_1",
    "target_1",
    "period_2",
    "target_2",
    "edition",
    "licences",
    "role",
    "user_ids",
    "team_id",
    "type",
    "date",
    "page",
    "locale",
    "currency",
    "time_zone",
    "week_start",
    "fiscal_year_start",
    "working_days",
    "day",
];

fn hostile_values() -> Vec<String> {
    let mut values: Vec<String> = [
        "9223372036854775807",
        "-9223372036854775808",
        "99999999999999999999999",
        "-1",
        "0",
        "1e308",
        "NaN",
        "a\0b",
        "\u{1b}[31mred",
        "\u{202e}evil\u{202c}",
        "-262143-01-01",
        "0000-01-01",
        "2026-13-45",
        "+275760-09-13T00:00",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "=HYPERLINK(\"http://evil.example\")",
        "%",
        "../../etc/passwd",
        "",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    values.push("x".repeat(10_000));
    values
}

const HOSTILE_IDS: [&str; 5] = ["9223372036854775807", "-1", "0", "abc", "99999999999999999999"];

fn assert_no_server_error(response: &Result<reqwest::Response, reqwest::Error>, what: &str) {
    match response {
        Ok(response) => assert!(!response.status().is_server_error(), "{what}: {}", response.status()),
        Err(error) => panic!("{what}: the connection failed: {:.200}", error.to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_route_survives_a_battery_of_hostile_values() {
    count_panics();
    let panics_before = PANICS.load(Ordering::SeqCst);
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&admin).await;
    let token = app.csrf_token("/").await;
    let values = hostile_values();

    for route in GET_ROUTES {
        for id in HOSTILE_IDS {
            let path = route.replace("{id}", id);
            assert_no_server_error(&app.client.get(app.url(&path)).send().await, &path);
        }
        let path = route.replace("{id}", "1");
        for (n, value) in values.iter().enumerate() {
            // A long value in one parameter: in all of them, the address would be too long to send.
            let fields: &[&str] = if value.len() > 1000 { &["date", "next"] } else { &FIELDS };
            let query: Vec<(&str, &str)> = fields.iter().map(|f| (*f, value.as_str())).collect();
            let query = serde_urlencoded::to_string(&query).expect("a query");
            let response = app.client.get(app.url(&format!("{path}?{query}"))).send().await;
            assert_no_server_error(&response, &format!("GET {path} with hostile value {n}"));
        }
    }

    for route in POST_ROUTES {
        for id in HOSTILE_IDS {
            let path = route.replace("{id}", id);
            let response = app.client.post(app.url(&path)).form(&[("csrf_token", token.as_str())]).send().await;
            assert_no_server_error(&response, &path);
        }
        let path = route.replace("{id}", "1");
        for (n, value) in values.iter().enumerate() {
            let mut form: Vec<(&str, &str)> = FIELDS.iter().map(|f| (*f, value.as_str())).collect();
            form.push(("csrf_token", &token));
            let response = app.client.post(app.url(&path)).form(&form).send().await;
            assert_no_server_error(&response, &format!("POST {path} with hostile value {n}"));
        }
        // Duplicated parameters, and bodies of the wrong kind.
        let duplicated = [("name", "one"), ("name", "two"), ("page", "1"), ("page", "2"), ("csrf_token", &token)];
        assert_no_server_error(&app.client.post(app.url(&path)).form(&duplicated).send().await, &path);
        let json = app
            .client
            .post(app.url(&path))
            .header("X-CSRF-Token", &token)
            .header("Content-Type", "application/json")
            .body(r#"{"name": "json", "amount": 1e999}"#)
            .send()
            .await;
        assert_no_server_error(&json, &format!("JSON to {path}"));
        let text = app.client.post(app.url(&path)).header("X-CSRF-Token", &token).body("name=plain").send().await;
        assert_no_server_error(&text, &format!("text to {path}"));
        let multipart = reqwest::multipart::Form::new().text("csrf_token", token.clone()).text("name", "multi");
        let multipart = app.client.post(app.url(&path)).multipart(multipart).send().await;
        assert_no_server_error(&multipart, &format!("multipart to {path}"));
    }

    // A megabyte where a name goes.
    let huge = "m".repeat(1_000_000);
    for path in ["/login", "/activities", "/leads", "/control-panel/sales-objectives"] {
        let response =
            app.client.post(app.url(path)).form(&[("name", huge.as_str()), ("csrf_token", &token)]).send().await;
        assert_no_server_error(&response, &format!("1 MB to {path}"));
    }

    assert_eq!(PANICS.load(Ordering::SeqCst), panics_before, "a request made the server panic");
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_date_out_of_range_is_refused_with_a_message_not_a_panic() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;

    for date in ["-262143-01-01", "0000-01-01", "1899-12-31", "2201-01-01", "someday"] {
        let response = app.get(&format!("/statistics/sales-objectives?date={date}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{date}");
        let page = response.text().await.expect("body");
        assert!(page.contains("1900") || page.contains("is not a date"), "{date}: {page}");
    }
    let fine = app.get("/statistics/sales-objectives?date=1900-01-01").await;
    assert_eq!(fine.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_page_beyond_the_last_possible_one_is_refused() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    for path in ["/activities?page=9223372036854775807", "/admin/audit?page=0", "/activities?page=-5"] {
        assert_eq!(app.get(path).await.status(), StatusCode::BAD_REQUEST, "{path}");
    }
    assert_eq!(app.get("/activities?page=3").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_nul_byte_is_refused_naming_its_field_even_before_sign_in() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let token = app.csrf_token("/login").await;

    let login =
        app.post_form("/login", &[("email", "admin\0@acme.example"), ("password", "x"), ("csrf_token", &token)]).await;

    assert_eq!(login.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = login.text().await.expect("body");
    assert!(page.contains("email") && page.contains("NUL"), "{page}");
    let query = app.get("/login?next=%00").await;
    assert_eq!(query.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn control_characters_in_a_name_are_refused_beside_the_field_with_the_form_kept() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;

    let response = app.submit("/prospects", &[("name", "Ottica\u{1b}[31m Vitale"), ("list_name", "Fiera")]).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(texts(&page, ".field-error").iter().any(|t| t.contains("control character")), "{page}");
    assert!(page.contains("Fiera"), "the form is kept");
    assert_eq!(app.count("prospects"), 0);
}

#[tokio::test]
async fn a_note_keeps_its_line_breaks() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    app.login_as(&admin).await;
    let prospect = app.new_prospect(&admin, "Bianchi").await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");

    let response = app
        .log_activity(&format!("prospect:{prospect}"), &call, &reached, &[("note", "first line\r\nsecond line")])
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_csv_import_with_a_nul_or_a_control_character_reports_its_line() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let account = app.account_of(&admin);
    let csv = "user_email,action,outcome,subject,subject_name,pipeline,occurred_at\n\
               admin@acme.example,Call,Reached,prospect,Nul\0here,,2026-11-10 09:30\n\
               admin@acme.example,Call,Reached,prospect,Fine,,2026-11-10 09:30\n\
               admin@acme.example,Call,Reached,prospect,Bell\u{7},,2026-11-10 09:30\n\
               admin@acme.example,Call,Reached,prospect,Far,,0000-11-10 09:30\n";

    let refused =
        sales_objectives::app::import::import_activities(&mut app.conn(), &account, csv.as_bytes(), chrono::Utc::now());

    let Err(sales_objectives::app::import::ImportError::Refused(lines)) = refused else {
        panic!("refused: {refused:?}")
    };
    assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [2, 4, 5], "{lines:?}");
    assert_eq!(app.count("activities"), 0);
}

#[tokio::test]
async fn a_csv_export_quotes_cells_a_spreadsheet_would_run() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let rep = app.create_user("Acme", "rita@acme.example", "=HYPERLINK(\"http://evil.example\",\"x\")", Role::Rep);
    app.login_as(&admin).await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");
    let fields = [
        ("name", "+Calls"),
        ("kind", "activity"),
        ("action_id", call.as_str()),
        ("outcome_ids", reached.as_str()),
        ("context", "both"),
        ("period_1", "week"),
        ("target_1", "5"),
    ];
    assert_eq!(app.submit("/control-panel/sales-objectives", &fields).await.status(), StatusCode::SEE_OTHER);
    let id = app.count("objectives");
    let assigned = app
        .submit(&format!("/control-panel/sales-objectives/{id}/assignments"), &[("user_ids", &rep.id.to_string())])
        .await;
    assert_eq!(assigned.status(), StatusCode::SEE_OTHER);

    let csv = app.get("/statistics/sales-objectives.csv?type=activity&period=week").await.text().await.expect("csv");

    let row = csv.lines().nth(1).expect("Rita's row");
    assert!(row.contains(r#""'=HYPERLINK(""http://evil.example"",""x"")""#), "{row}");
    assert!(row.contains(",'+Calls,"), "{row}");
}

#[tokio::test]
async fn a_rep_cannot_open_the_detail_of_an_objective_they_do_not_hold() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let rita = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&admin).await;
    let (call, reached) = app.outcome_id(&admin, "Call", "Reached");
    let fields = [
        ("name", "Secret plan"),
        ("kind", "activity"),
        ("action_id", call.as_str()),
        ("outcome_ids", reached.as_str()),
        ("context", "both"),
        ("period_1", "week"),
        ("target_1", "5"),
    ];
    app.submit("/control-panel/sales-objectives", &fields).await;
    app.logout().await;
    app.login_as(&rita).await;

    let response = app.get("/statistics/sales-objectives/1").await;

    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(!response.text().await.expect("body").contains("Secret plan"));
}

#[tokio::test]
async fn an_admin_learns_nothing_of_e_mails_in_other_accounts() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let other = app.create_account("Globex", "boss@globex.example");
    app.login_as(&other).await;

    let response = app
        .submit(
            "/admin/users",
            &[("name", "Ada"), ("email", "admin@acme.example"), ("role", "rep"), ("password", "a good password")],
        )
        .await;

    assert_eq!(response.status(), StatusCode::SEE_OTHER, "an address used elsewhere is free here");
    let again = app
        .submit(
            "/admin/users",
            &[("name", "Ada"), ("email", "admin@acme.example"), ("role", "rep"), ("password", "a good password")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().await.expect("body").contains("A user of this account already has"));
}

#[tokio::test]
async fn a_refused_licence_transfer_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let admin = app.create_account("Acme", "admin@acme.example");
    let rita = app.create_user("Acme", "rita@acme.example", "Rita Rep", Role::Rep);
    app.login_as(&admin).await;

    let response = app
        .submit(
            "/admin/users/transfer",
            &[
                ("from", &rita.id.to_string()),
                ("to", ""),
                ("name", "Nina New"),
                ("email", "not an e-mail"),
                ("role", "manager"),
            ],
        )
        .await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains(r#"value="Nina New""#) && page.contains(r#"value="not an e-mail""#), "{page}");
    assert!(page.contains(&format!(r#"value="{}" selected"#, rita.id)), "the licence's holder stays chosen");
}

#[tokio::test]
async fn a_forged_set_password_token_is_refused_before_anything_else() {
    let app = TestApp::spawn().await;
    let token = app.csrf_token("/login").await;

    // A too short password would be refused too: the link is checked first.
    let response =
        app.post_form("/set-password", &[("token", "forged"), ("password", "short"), ("csrf_token", &token)]).await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(!page.contains("at least"), "the password was not even looked at: {page}");
}
