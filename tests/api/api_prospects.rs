//! Prospects over the JSON API: created, updated by external id or PATCH, turned into
//! leads and deleted (their activities taken out of the figures) through the prospect
//! form's use cases; lists paged by cursor; refusals and other accounts' ids.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Api, ObjectiveBuilder, TestApp, one_created_the_others_updated};

struct World {
    api: Api,
    admin: sales_objectives::store::users::UserRow,
    rita: sales_objectives::store::users::UserRow,
    pipeline: i64,
    reached: i64,
}

async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(1).build();
    let rita = acme.reps[0].clone();
    let pipeline = app.pipeline_id(&rita, "Sales").parse().expect("an id");
    let reached = app.outcome_id(&rita, "Call", "Reached").1.parse().expect("an id");
    let secret = app.api_token(&acme.admin, "CRM", &["leads:write", "activities:write", "results:read"]).await;
    World { api: app.api(&secret), admin: acme.admin, rita, pipeline, reached }
}

fn id_of(answer: &crate::helpers::Answer) -> i64 {
    answer.body["id"].as_i64().unwrap_or_else(|| panic!("an id in {:#}", answer.body))
}

#[tokio::test]
async fn a_prospect_made_over_the_api_is_updated_by_its_external_id_and_becomes_a_lead() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let sent = json!({"name": "Initech", "list_name": "Fair 2026", "owner_id": w.rita.id.0, "external_id": "crm-p-1"});
    let created = w.api.post("/api/v1/prospects", &sent).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:#}", created.body);
    let b = &created.body;
    assert_eq!(
        (&b["name"], &b["list_name"], &b["owner_id"]),
        (&json!("Initech"), &json!("Fair 2026"), &json!(w.rita.id.0))
    );
    assert_eq!((&b["lead_id"], &b["external_id"]), (&Value::Null, &json!("crm-p-1")));
    let id = id_of(&created);
    let again = w.api.post("/api/v1/prospects", &json!({"name": "Initech Ltd", "external_id": "crm-p-1"})).await;
    assert_eq!((again.status, id_of(&again)), (StatusCode::OK, id), "{:#}", again.body);
    assert_eq!((&again.body["name"], &again.body["list_name"]), (&json!("Initech Ltd"), &json!("Fair 2026")));
    let path = format!("/api/v1/prospects/{id}");
    let patched = w.api.patch(&path, &json!({"list_name": ""})).await;
    assert_eq!((&patched.body["list_name"], &patched.body["name"]), (&Value::Null, &json!("Initech Ltd")));
    assert_eq!(w.api.get(&path).await.body, patched.body);
    assert_eq!(app.count("prospects"), 1);

    let convert = format!("{path}/convert");
    let converted = w.api.post_keyed(&convert, &json!({"pipeline_id": w.pipeline}), "convert-1").await;
    assert_eq!(converted.status, StatusCode::CREATED, "{:#}", converted.body);
    let retried = w.api.post_keyed(&convert, &json!({"pipeline_id": w.pipeline}), "convert-1").await;
    assert_eq!((retried.status, &retried.body), (StatusCode::CREATED, &converted.body), "a retry, answered the same");
    assert_eq!(app.count("leads"), 1);
    let lead = &converted.body;
    assert_eq!(
        (&lead["title"], &lead["owner_id"], &lead["status"]),
        (&json!("Initech Ltd"), &json!(w.rita.id.0), &json!("todo"))
    );
    assert_eq!(w.api.get(&path).await.body["lead_id"], lead["id"]);
    let twice = w.api.post(&convert, &json!({"pipeline_id": w.pipeline})).await;
    assert_eq!(twice.fields(), ["pipeline_id"], "a prospect becomes a lead once");
}

#[tokio::test]
async fn a_prospect_deleted_over_the_api_takes_its_activities_out_of_the_figures() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let manager = app.create_user("Acme", "mia@acme.example", "Mia", sales_objectives::domain::role::Role::Manager);
    let calls = ObjectiveBuilder::calls(&app, &w.rita, "Calls")
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .created_at(Utc::now() - Duration::days(10))
        .create(&app, &manager);
    let id = id_of(&w.api.post("/api/v1/prospects", &json!({"name": "Globex", "owner_id": w.rita.id.0})).await);
    let sent = json!({"user_id": w.rita.id.0, "result_id": w.reached, "prospect_id": id});
    assert_eq!(w.api.post("/api/v1/activities", &sent).await.status, StatusCode::CREATED);
    let achieved = || async {
        w.api.get(&format!("/api/v1/objectives/{calls}/results?period=month")).await.body["items"][0]["achieved"]
            .clone()
    };
    assert_eq!(achieved().await, json!("1"));
    assert_eq!(w.api.delete(&format!("/api/v1/prospects/{id}")).await.status, StatusCode::NO_CONTENT);
    assert_eq!(achieved().await, json!("0"));
    assert_eq!(app.count("activities"), 0);
    w.api.get(&format!("/api/v1/prospects/{id}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn prospects_page_by_cursor_and_bad_ones_are_refused() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    for name in ["A", "B", "C"] {
        assert_eq!(w.api.post("/api/v1/prospects", &json!({"name": name})).await.status, StatusCode::CREATED);
    }
    let first = w.api.get("/api/v1/prospects?limit=2").await;
    let names = |page: &Value| -> Vec<String> {
        page["items"].as_array().expect("items").iter().filter_map(|p| p["name"].as_str().map(str::to_owned)).collect()
    };
    assert_eq!(names(&first.body), ["A", "B"]);
    let next = first.body["next"].as_str().expect("a next page");
    let second = w.api.get(&format!("/api/v1/prospects?limit=2&after={next}")).await;
    assert_eq!((names(&second.body), &second.body["next"]), (vec!["C".to_owned()], &Value::Null));
    let cases: Vec<(Value, &str)> = vec![
        (json!({"name": " "}), "name"),
        (json!({}), "name"),
        (json!({"name": "D", "owner_id": 999_999}), "owner_id"),
        (json!({"name": "D", "external_id": " "}), "external_id"),
    ];
    for (sent, field) in cases {
        let answer = w.api.post("/api/v1/prospects", &sent).await;
        answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
        assert_eq!(answer.fields(), [field], "{sent}");
    }
    w.api
        .post("/api/v1/prospects", &json!({"name": "D", "stage": "hot"}))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "malformed_request");
    assert_eq!(app.count("prospects"), 3);
    let reader = app.api(&app.api_token(&w.admin, "Reader", &["results:read"]).await);
    assert_eq!(reader.get("/api/v1/prospects").await.status, StatusCode::OK);
    reader
        .post("/api/v1/prospects", &json!({"name": "E"}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "insufficient_scope");
}

#[tokio::test]
async fn another_accounts_prospects_are_not_found() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let globex = app.create_account("Globex", "admin@globex.example");
    let theirs = app.prospect_of(&globex, "Hooli").trim_start_matches("prospect:").to_owned();
    let path = format!("/api/v1/prospects/{theirs}");
    for answer in [
        w.api.get(&path).await,
        w.api.patch(&path, &json!({"name": "Mine"})).await,
        w.api.delete(&path).await,
        w.api.post(&format!("{path}/convert"), &json!({"pipeline_id": w.pipeline})).await,
    ] {
        answer.assert_problem(StatusCode::NOT_FOUND, "not_found");
    }
    assert_eq!(w.api.get("/api/v1/prospects").await.body["items"], json!([]));
}

#[tokio::test]
async fn one_prospect_external_id_sent_at_once_from_many_clients_makes_one_prospect() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let bodies = (0..8).map(|n| json!({"name": format!("Race {n}"), "external_id": "crm-p-race"})).collect();
    one_created_the_others_updated(&w.api.post_at_once("/api/v1/prospects", bodies, &[]).await);
    assert_eq!(app.count("prospects"), 1);
    assert_eq!(app.count("external_ids WHERE kind = 'prospect'"), 1);
}
