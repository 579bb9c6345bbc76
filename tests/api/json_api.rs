//! The JSON API's resources: activities logged one by one or in batches (idempotent by key
//! and by external id), lists paged by cursor, objectives and their results, problem
//! details for every refusal, and the OpenAPI document with its docs page.

use chrono::Utc;
use reqwest::StatusCode;
use sales_objectives::domain::account::Locale;
use serde_json::{Value, json};

use crate::helpers::{Api, ObjectiveBuilder, TestApp, one_created_the_others_updated};

const ALL: &[&str] = &["activities:write", "objectives:read", "results:read", "users:read"];

/// Acme with Rita, a prospect of hers, the id of Call › Reached, and an API client with
/// every scope here.
struct World {
    api: Api,
    rita: sales_objectives::store::users::UserRow,
    prospect: i64,
    reached: i64,
    admin: sales_objectives::store::users::UserRow,
    manager: sales_objectives::store::users::UserRow,
}

async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(1).build();
    let rita = acme.reps[0].clone();
    let prospect = app.prospect_of(&rita, "Initech").trim_start_matches("prospect:").parse().expect("an id");
    let reached = app.outcome_id(&rita, "Call", "Reached").1.parse().expect("an id");
    let secret = app.api_token(&acme.admin, "CRM", ALL).await;
    World { api: app.api(&secret), rita, prospect, reached, manager: acme.manager().clone(), admin: acme.admin }
}

fn call(w: &World) -> Value {
    json!({"user_id": w.rita.id.0, "result_id": w.reached, "prospect_id": w.prospect})
}

#[tokio::test]
async fn an_activity_logged_over_the_api_counts_and_reads_back() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let mut sent = call(&w);
    sent["occurred_at"] = json!("2026-11-30T09:15:00+01:00");
    sent["note"] = json!("Asked for a demo");
    let answer = w.api.post("/api/v1/activities", &sent).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{:#}", answer.body);
    assert_eq!(answer.content_type, "application/json");
    let body = &answer.body;
    assert_eq!(body["user_id"], json!(w.rita.id.0));
    assert_eq!(body["occurred_at"], json!("2026-11-30T09:15:00+01:00"), "in the account's zone, with its offset");
    assert_eq!(body["occurred_on"], json!("2026-11-30"));
    assert_eq!(body["note"], json!("Asked for a demo"));
    assert!(body["action_id"].as_i64().is_some(), "the result's action");
    let id = body["id"].as_i64().expect("an id");
    let read = w.api.get(&format!("/api/v1/activities/{id}")).await;
    assert_eq!(read.body, answer.body);
    assert_eq!(app.count("activities"), 1);
    assert_eq!(app.differences(), 0, "counted in the figures");
    let gone = w.api.delete(&format!("/api/v1/activities/{id}")).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    w.api.delete(&format!("/api/v1/activities/{id}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.count("activities"), 0);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn bad_activities_are_refused_field_by_field_and_write_nothing() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let cases: Vec<(Value, &str)> = vec![
        (json!({"result_id": 999_999, "prospect_id": w.prospect}), "result_id"),
        (json!({"result_id": w.reached, "prospect_id": 999_999}), "prospect_id"),
        (json!({"result_id": w.reached}), "lead_id"),
        (json!({"result_id": w.reached, "prospect_id": w.prospect, "lead_id": 1}), "lead_id"),
        (
            json!({"result_id": w.reached, "prospect_id": w.prospect, "occurred_at": "2999-01-01T00:00:00Z"}),
            "occurred_at",
        ),
        (json!({"result_id": w.reached, "prospect_id": w.prospect, "user_id": 999_999}), "user_id"),
        (json!({"result_id": w.reached, "prospect_id": w.prospect, "external_id": " "}), "external_id"),
        (json!({"result_id": w.reached, "prospect_id": w.prospect, "note": "x".repeat(5000)}), "note"),
    ];
    for (sent, field) in cases {
        let answer = w.api.post("/api/v1/activities", &sent).await;
        answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
        assert!(answer.fields().contains(&field.to_owned()), "{field}: {:#}", answer.body);
    }
    for raw in [
        "",
        "{",
        "[]",
        r#"{"result_id": "one"}"#,
        r#"{"result_id": 1, "colour": "red"}"#,
        r#"{"result_id": 1, "occurred_at": "yesterday"}"#,
        r#"{"result_id": 1, "occurred_at": "2026-11-30T09:15:00"}"#,
    ] {
        let answer = raw_post(&w, raw).await;
        answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "malformed_request");
    }
    assert_eq!(app.count("activities"), 0);
}

/// A body sent as it is, not as JSON made from a value.
async fn raw_post(w: &World, raw: &str) -> crate::helpers::Answer {
    let authorization = format!("Bearer {}", w.api.secret());
    w.api.raw(reqwest::Method::POST, "/api/v1/activities", Some(&authorization), raw).await
}

#[tokio::test]
async fn the_same_idempotency_key_counts_once_and_answers_the_same() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let first = w.api.post_keyed("/api/v1/activities", &call(&w), "retry-1").await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = w.api.post_keyed("/api/v1/activities", &call(&w), "retry-1").await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body, "the first answer, kept");
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(app.count("activities"), 1);
    let mut other = call(&w);
    other["note"] = json!("another request");
    let reused = w.api.post_keyed("/api/v1/activities", &other, "retry-1").await;
    reused.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused");
    // A refused request keeps nothing: fixed, the same key logs it.
    let bad = json!({"result_id": 999_999, "prospect_id": w.prospect});
    w.api
        .post_keyed("/api/v1/activities", &bad, "retry-2")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert_eq!(w.api.post_keyed("/api/v1/activities", &call(&w), "retry-2").await.status, StatusCode::CREATED);
    assert_eq!(app.count("activities"), 2);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn concurrent_retries_with_one_key_count_once() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    for round in 0..4 {
        let key = format!("burst-{round}");
        let sends = (0..8).map(|_| {
            let (api, body, key) = (w.api.clone(), call(&w), key.clone());
            async move { api.post_keyed("/api/v1/activities", &body, &key).await }
        });
        let answers = futures_util::future::join_all(sends).await;
        for answer in &answers {
            assert!(
                answer.status == StatusCode::CREATED || answer.status == StatusCode::SERVICE_UNAVAILABLE,
                "{:#}",
                answer.body
            );
        }
        let ids: std::collections::BTreeSet<_> =
            answers.iter().filter(|a| a.status == StatusCode::CREATED).map(|a| a.body["id"].as_i64()).collect();
        assert_eq!(ids.len(), 1, "one activity, one answer: {ids:?}");
    }
    assert_eq!(app.count("activities"), 4);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn the_same_external_id_corrects_its_activity_instead_of_adding_one() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let mut sent = call(&w);
    sent["external_id"] = json!("crm-act-7");
    let first = w.api.post("/api/v1/activities", &sent).await;
    assert_eq!(first.status, StatusCode::CREATED);
    sent["note"] = json!("corrected");
    sent["occurred_at"] = json!("2026-11-02T10:00:00+01:00");
    let second = w.api.post("/api/v1/activities", &sent).await;
    assert_eq!(second.status, StatusCode::OK, "{:#}", second.body);
    assert_eq!(second.body["id"], first.body["id"], "the same activity");
    assert_eq!(second.body["note"], json!("corrected"));
    assert_eq!(second.body["external_id"], json!("crm-act-7"));
    assert_eq!(app.count("activities"), 1);
    assert_eq!(app.count("activities WHERE occurred_on = '2026-11-02'"), 1, "moved to its new day");
    assert_eq!(app.differences(), 0, "the figures follow");
    let listed = w.api.get("/api/v1/activities").await;
    assert_eq!(listed.body["items"][0]["external_id"], json!("crm-act-7"));
}

#[tokio::test]
async fn a_batch_is_logged_all_or_nothing_with_each_refusal_by_its_place() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let good = call(&w);
    let bad = json!({"result_id": 999_999, "prospect_id": w.prospect});
    let refused = w.api.post("/api/v1/activities/batch", &json!({"activities": [good, good, bad, good, bad]})).await;
    refused.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert_eq!(refused.fields(), vec!["result_id@2".to_owned(), "result_id@4".to_owned()]);
    assert_eq!(app.count("activities"), 0, "nothing of a refused batch");
    let mut named = call(&w);
    named["external_id"] = json!("crm-1");
    let batch = json!({"activities": [good, named, good]});
    let logged = w.api.post_keyed("/api/v1/activities/batch", &batch, "batch-1").await;
    assert_eq!(logged.status, StatusCode::CREATED, "{:#}", logged.body);
    assert_eq!((logged.body["created"].clone(), logged.body["updated"].clone()), (json!(3), json!(0)));
    assert_eq!(w.api.post_keyed("/api/v1/activities/batch", &batch, "batch-1").await.body, logged.body);
    let again = w.api.post("/api/v1/activities/batch", &json!({"activities": [named]})).await;
    assert_eq!((again.body["created"].clone(), again.body["updated"].clone()), (json!(0), json!(1)));
    assert_eq!(app.count("activities"), 3);
    for empty in [json!({"activities": []}), json!({"activities": vec![good.clone(); 5001]})] {
        w.api
            .post("/api/v1/activities/batch", &empty)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    }
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_retry_gets_the_first_answer_even_once_what_it_named_is_gone() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let batch = json!({"activities": [call(&w), call(&w)]});
    let logged = w.api.post_keyed("/api/v1/activities/batch", &batch, "batch-gone").await;
    assert_eq!(logged.status, StatusCode::CREATED, "{:#}", logged.body);
    let single = w.api.post_keyed("/api/v1/activities", &call(&w), "single-gone").await;
    assert_eq!(single.status, StatusCode::CREATED, "{:#}", single.body);
    let prospect = sales_objectives::domain::ids::ProspectId(w.prospect);
    app.run_as(&w.rita, |cx, actor| sales_objectives::app::recording::prospects::delete(cx, actor, prospect));
    assert_eq!(app.count("activities"), 0, "deleted with their prospect");
    for (path, key, first) in
        [("/api/v1/activities/batch", "batch-gone", &logged), ("/api/v1/activities", "single-gone", &single)]
    {
        let body = if key == "batch-gone" { batch.clone() } else { call(&w) };
        let retried = w.api.post_keyed(path, &body, key).await;
        assert_eq!((retried.status, &retried.body), (StatusCode::CREATED, &first.body), "{path}");
    }
    assert_eq!(app.count("activities"), 0, "a retry writes nothing");
    w.api.post("/api/v1/activities", &call(&w)).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
}

#[tokio::test]
async fn lists_page_by_cursor_and_narrow_by_filter() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    for _ in 0..5 {
        assert_eq!(w.api.post("/api/v1/activities", &call(&w)).await.status, StatusCode::CREATED);
    }
    let mut seen = Vec::new();
    let mut path = "/api/v1/activities?limit=2".to_owned();
    loop {
        let page = w.api.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{:#}", page.body);
        seen.extend(page.body["items"].as_array().expect("items").iter().map(|a| a["id"].as_i64().expect("id")));
        match page.body["next"].as_str() {
            Some(next) => path = format!("/api/v1/activities?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 5);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "in id order, none twice: {seen:?}");
    let narrowed = w.api.get(&format!("/api/v1/activities?user_id={}&result_id={}", w.rita.id, w.reached)).await;
    assert_eq!(narrowed.body["items"].as_array().map(Vec::len), Some(5));
    let none = w.api.get(&format!("/api/v1/activities?user_id={}", w.admin.id)).await;
    assert_eq!(none.body["items"].as_array().map(Vec::len), Some(0));
    let later = w.api.get("/api/v1/activities?occurred_from=2999-01-01T00:00:00%2B00:00").await;
    assert_eq!(later.body["items"].as_array().map(Vec::len), Some(0));
    for bad in ["limit=0", "limit=501", "limit=ten", "after=nonsense", "user_id=x", "colour=red"] {
        let answer = w.api.get(&format!("/api/v1/activities?{bad}")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {:#}", answer.body);
        assert_eq!(answer.content_type, "application/problem+json");
    }
    let users = w.api.get("/api/v1/users?limit=1").await;
    assert_eq!(users.body["items"].as_array().map(Vec::len), Some(1));
    let rest = w.api.get(&format!("/api/v1/users?after={}", users.body["next"].as_str().expect("more"))).await;
    assert_eq!(rest.body["items"].as_array().map(Vec::len), Some(2), "Mara and Rita after the admin");
    assert_eq!(rest.body["items"][1]["role"], json!("rep"));
}

#[tokio::test]
async fn actions_pipelines_and_objectives_read_as_the_control_panel_shows_them() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let actions = w.api.get("/api/v1/actions").await;
    let call = actions.body["items"].as_array().expect("items").iter().find(|a| a["name"] == json!("Call")).cloned();
    let results = call.expect("Call")["results"].clone();
    assert!(results.as_array().expect("results").iter().any(|r| r["id"] == json!(w.reached)));
    assert!(w.api.get("/api/v1/pipelines").await.body["items"].as_array().is_some_and(|p| !p.is_empty()));
    let manager = w.manager.clone();
    let id = ObjectiveBuilder::calls(&app, &manager, "Calls")
        .targets(&[("week", "20")])
        .held_by(&[&w.rita])
        .create(&app, &manager);
    let revenue = ObjectiveBuilder::revenue("Revenue")
        .targets(&[("month", "12500.50")])
        .held_by(&[&w.rita])
        .create(&app, &manager);
    let listed = w.api.get("/api/v1/objectives").await;
    assert_eq!(listed.status, StatusCode::OK, "{:#}", listed.body);
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(2));
    let one = w.api.get(&format!("/api/v1/objectives/{id}")).await;
    assert_eq!(one.body["kind"], json!("activity"));
    assert_eq!(one.body["unit"], json!("count"));
    assert_eq!(one.body["targets"], json!([{"period": "week", "value": "20"}]));
    assert_eq!(one.body["holders"][0]["user_id"], json!(w.rita.id.0));
    let money = w.api.get(&format!("/api/v1/objectives/{revenue}")).await;
    assert_eq!(money.body["currency"], json!("EUR"));
    assert_eq!(money.body["targets"], json!([{"period": "month", "value": "12500.50"}]), "money as a decimal string");
    w.api.get("/api/v1/objectives/999999").await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    w.api.get("/api/v1/objectives/abc").await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    w.api
        .get("/api/v1/objectives?state=lost")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "malformed_request");
    w.api.get("/api/v1/nothing-here").await.assert_problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn results_give_each_holder_pace_standing_and_forecast() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let manager = w.manager.clone();
    let id = ObjectiveBuilder::calls(&app, &manager, "Calls")
        .targets(&[("week", "4")])
        .held_by(&[&w.rita])
        .created_at(Utc::now() - chrono::Duration::days(30))
        .create(&app, &manager);
    for _ in 0..4 {
        assert_eq!(w.api.post("/api/v1/activities", &call(&w)).await.status, StatusCode::CREATED);
    }
    let results = w.api.get(&format!("/api/v1/objectives/{id}/results?period=week")).await;
    assert_eq!(results.status, StatusCode::OK, "{:#}", results.body);
    let line = &results.body["items"][0];
    assert_eq!(line["user_id"], json!(w.rita.id.0));
    assert_eq!((line["achieved"].clone(), line["target"].clone()), (json!("4"), json!("4")));
    assert_eq!(line["percent"], json!(100.0));
    assert_eq!(line["standing"], json!("reached"));
    assert_eq!(results.body["period"]["kind"], json!("week"));
    assert!(results.body["as_of"].as_str().is_some_and(|t| t.ends_with("+01:00")), "{:#}", results.body);
    let last_year = w.api.get(&format!("/api/v1/objectives/{id}/results?date=2025-01-08")).await;
    assert_eq!(last_year.status, StatusCode::OK);
    for bad in ["period=month", "period=fortnight", "group_by=region", "date=2026-13-01", "date=1800-01-01"] {
        let answer = w.api.get(&format!("/api/v1/objectives/{id}/results?{bad}")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {:#}", answer.body);
    }
    // What counted, page by page.
    let first = w.api.get(&format!("/api/v1/objectives/{id}/results/records?period=week&limit=3")).await;
    assert_eq!(first.status, StatusCode::OK, "{:#}", first.body);
    assert_eq!(first.body["kind"], json!("activities"));
    assert_eq!(first.body["activities"].as_array().map(Vec::len), Some(3));
    let next = first.body["next"].as_str().expect("a next page");
    let rest = w.api.get(&format!("/api/v1/objectives/{id}/results/records?period=week&limit=3&after={next}")).await;
    assert_eq!(rest.body["activities"].as_array().map(Vec::len), Some(1));
    assert_eq!(rest.body["next"], Value::Null);
    let nobody = w.api.get(&format!("/api/v1/objectives/{id}/results/records?user_id={}", w.admin.id)).await;
    assert_eq!(nobody.body["activities"], json!([]), "the admin holds none of it");
    let teams = w.api.get(&format!("/api/v1/objectives/{id}/results?group_by=team")).await;
    assert_eq!(teams.body["items"], json!([]), "no team holds it");
    w.api.get("/api/v1/objectives/999999/results").await.assert_problem(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn problems_are_worded_in_the_accounts_language() {
    let app = TestApp::spawn().await;
    let admin = app.create_account_in("Rossi Srl", "admin@rossi.example", Locale::It);
    let secret = app.api_token(&admin, "Script", &["activities:write"]).await;
    let answer = app.api(&secret).post("/api/v1/activities", &json!({"result_id": 1})).await;
    answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert_eq!(answer.body["title"], json!("Dati non validi"));
}

#[tokio::test]
async fn the_openapi_document_and_its_docs_page_are_served_by_us() {
    let app = TestApp::spawn().await;
    let document = app.get("/api/v1/openapi.json").await;
    assert_eq!(document.status(), StatusCode::OK);
    let spec: Value = document.json().await.expect("JSON");
    assert!(spec["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", spec["openapi"]);
    for path in ["/api/v1/activities", "/api/v1/activities/batch", "/api/v1/objectives/{id}/results", "/api/v1/users"] {
        assert!(spec["paths"][path].is_object(), "{path} is described");
    }
    assert!(spec["components"]["securitySchemes"]["token"].is_object());
    assert!(spec["components"]["schemas"]["Problem"].is_object());
    let page = app.get("/api/v1/docs").await.text().await.expect("page");
    let document = scraper::Html::parse_document(&page);
    let selector = scraper::Selector::parse("script[src], link[rel=stylesheet]").expect("selector");
    let assets: Vec<String> = document
        .select(&selector)
        .filter_map(|e| e.value().attr("src").or_else(|| e.value().attr("href")).map(str::to_owned))
        .collect();
    assert_eq!(assets.len(), 3, "{assets:?}");
    for asset in assets {
        assert!(asset.starts_with("/static/"), "served by us: {asset}");
        assert_eq!(app.get(&asset).await.status(), StatusCode::OK, "{asset}");
    }
}

#[tokio::test]
async fn one_external_id_sent_at_once_from_many_clients_makes_one_activity() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let bodies = (0..8)
        .map(|n| {
            let mut body = call(&w);
            body["external_id"] = json!("crm-race");
            body["note"] = json!(format!("try {n}"));
            body
        })
        .collect();
    one_created_the_others_updated(&w.api.post_at_once("/api/v1/activities", bodies, &[]).await);
    assert_eq!(app.count("activities"), 1);
    assert_eq!(app.count("external_ids"), 1);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn batches_and_single_posts_at_once_each_get_their_own_activities() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let batches = (0..3).map(|n| {
        let items: Vec<Value> = (0..200)
            .map(|i| {
                let mut item = call(&w);
                item["note"] = json!(format!("batch {n}"));
                item["occurred_at"] = json!(format!("2026-11-{:02}T10:00:00+01:00", 1 + i % 28));
                item
            })
            .collect();
        let api = w.api.clone();
        async move { (n, api.post("/api/v1/activities/batch", &json!({ "activities": items })).await) }
    });
    let singles = (0..20).map(|_| {
        let (api, body) = (w.api.clone(), call(&w));
        async move { api.post("/api/v1/activities", &body).await }
    });
    let (batches, singles) =
        tokio::join!(futures_util::future::join_all(batches), futures_util::future::join_all(singles));
    let mut seen = std::collections::BTreeSet::new();
    for (n, answer) in &batches {
        assert_eq!(answer.status, StatusCode::CREATED, "{:#}", answer.body);
        let items = answer.body["items"].as_array().expect("items");
        assert_eq!(items.len(), 200);
        for item in items {
            assert_eq!(item["note"], json!(format!("batch {n}")), "each batch answers with its own rows");
            assert!(seen.insert(item["id"].as_i64().expect("id")), "no id twice");
        }
    }
    let created = singles.iter().filter(|a| a.status == StatusCode::CREATED).count();
    assert!(singles.iter().all(|a| a.status == StatusCode::CREATED || a.status == StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(app.count("activities"), 600 + created as i64);
    assert_eq!(app.differences(), 0);
}
