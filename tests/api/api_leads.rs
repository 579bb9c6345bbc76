//! Leads over the JSON API: created, updated by external id, changed with a version,
//! won, reopened and deleted through the lead form's use cases, so revenue follows.

use chrono::Utc;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Api, ObjectiveBuilder, TestApp, one_created_the_others_updated};

struct World {
    api: Api,
    pipeline: i64,
    rita: sales_objectives::store::users::UserRow,
    revenue: sales_objectives::domain::ids::ObjectiveId,
}

async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(1).build();
    let rita = acme.reps[0].clone();
    let pipeline = app.pipeline_id(&rita, "Sales").parse().expect("an id");
    let revenue = ObjectiveBuilder::revenue("Revenue")
        .targets(&[("month", "10000")])
        .held_by(&[&rita])
        .created_at(Utc::now() - chrono::Duration::days(60))
        .create(app, acme.manager());
    let secret = app.api_token(&acme.admin, "CRM", &["leads:write", "results:read"]).await;
    World { api: app.api(&secret), pipeline, rita, revenue }
}

async fn achieved(w: &World) -> Value {
    let results = w.api.get(&format!("/api/v1/objectives/{}/results?period=month", w.revenue)).await;
    assert_eq!(results.status, StatusCode::OK, "{:#}", results.body);
    results.body["items"][0]["achieved"].clone()
}

#[tokio::test]
async fn a_lead_won_over_the_api_counts_and_reopened_or_deleted_no_longer_does() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let sent = json!({"title": "Initech renewal", "pipeline_id": w.pipeline, "owner_id": w.rita.id.0,
                      "status": "won", "amount": "2500.50", "external_id": "crm-lead-1"});
    let created = w.api.post("/api/v1/leads", &sent).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:#}", created.body);
    assert_eq!(created.body["amount"], json!("2500.50"));
    assert_eq!(created.body["currency"], json!("EUR"));
    assert_eq!(created.body["won_by_id"], json!(w.rita.id.0));
    assert_eq!(achieved(&w).await, json!("2500.50"));
    let id = created.body["id"].as_i64().expect("id");
    let records = w.api.get(&format!("/api/v1/objectives/{}/results/records?period=month", w.revenue)).await;
    assert_eq!(records.body["kind"], json!("wins"), "{:#}", records.body);
    assert_eq!(records.body["wins"][0]["id"], json!(id));
    // Sent again by its external id: the same lead, updated.
    let mut again = sent.clone();
    again["amount"] = json!("3000");
    let updated = w.api.post("/api/v1/leads", &again).await;
    assert_eq!(updated.status, StatusCode::OK, "{:#}", updated.body);
    assert_eq!(updated.body["id"], json!(id));
    assert_eq!(achieved(&w).await, json!("3000.00"));
    let reopened = w.api.post(&format!("/api/v1/leads/{id}/reopen"), &json!({})).await;
    assert_eq!(reopened.body["status"], json!("todo"), "{:#}", reopened.body);
    assert_eq!(achieved(&w).await, json!("0.00"));
    let win = format!("/api/v1/leads/{id}/win");
    let won = w.api.post_keyed(&win, &json!({"amount": "1200"}), "win-1").await;
    assert_eq!(won.body["status"], json!("won"), "{:#}", won.body);
    assert_eq!(achieved(&w).await, json!("1200.00"));
    let retried = w.api.post_keyed(&win, &json!({"amount": "1200"}), "win-1").await;
    assert_eq!((&retried.body, retried.headers.contains_key("idempotent-replayed")), (&won.body, true));
    assert_eq!(app.count("lead_changes"), 4, "created, updated, reopened, won: the retry changed nothing");
    assert_eq!(w.api.delete(&format!("/api/v1/leads/{id}")).await.status, StatusCode::NO_CONTENT);
    w.api.get(&format!("/api/v1/leads/{id}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(achieved(&w).await, json!("0.00"));
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn a_change_over_a_newer_version_is_a_conflict_and_bad_leads_are_refused() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let created = w.api.post("/api/v1/leads", &json!({"title": "Globex", "pipeline_id": w.pipeline})).await;
    let (id, version) = (created.body["id"].as_i64().expect("id"), created.body["version"].as_i64().expect("version"));
    let changed = w
        .api
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/leads/{id}"),
            Some(&json!({"probability": 40, "version": version})),
            &[],
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{:#}", changed.body);
    assert_eq!(changed.body["probability"], json!(40));
    assert_eq!(changed.body["title"], json!("Globex"), "what is left out stays");
    let stale = w
        .api
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/leads/{id}"),
            Some(&json!({"probability": 90, "version": version})),
            &[],
        )
        .await;
    stale.assert_problem(StatusCode::CONFLICT, "conflict");
    let named = w
        .api
        .send(reqwest::Method::PATCH, &format!("/api/v1/leads/{id}"), Some(&json!({"external_id": "crm-9"})), &[])
        .await;
    assert_eq!(named.body["external_id"], json!("crm-9"), "{:#}", named.body);
    let too_long = w
        .api
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/leads/{id}"),
            Some(&json!({"external_id": "x".repeat(201)})),
            &[],
        )
        .await;
    too_long.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let cases = [
        (json!({"pipeline_id": w.pipeline}), "title"),
        (json!({"title": "x", "pipeline_id": 999_999}), "pipeline_id"),
        (json!({"title": "x", "pipeline_id": w.pipeline, "status": "won"}), "amount"),
        (json!({"title": "x", "pipeline_id": w.pipeline, "amount": "12,5x"}), "amount"),
        (json!({"title": "x", "pipeline_id": w.pipeline, "probability": 140}), "probability"),
        (json!({"title": "x", "pipeline_id": w.pipeline, "owner_id": 999_999}), "owner_id"),
    ];
    for (sent, field) in cases {
        let answer = w.api.post("/api/v1/leads", &sent).await;
        answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
        assert!(answer.fields().contains(&field.to_owned()), "{field}: {:#}", answer.body);
    }
    let answer = w.api.post("/api/v1/leads", &json!({"title": "x", "pipeline_id": w.pipeline, "status": "open"})).await;
    answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "malformed_request");
    assert_eq!(app.count("leads"), 1, "nothing half-written");
    let listed = w.api.get("/api/v1/leads").await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn another_accounts_leads_are_not_found() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let globex = app.create_account("Globex", "admin@globex.example");
    let theirs = app.api_token(&globex, "Globex", &["leads:write"]).await;
    let pipeline = app.pipeline_id(&globex, "Sales");
    let created = app
        .api(&theirs)
        .post("/api/v1/leads", &json!({"title": "Theirs", "pipeline_id": pipeline.parse::<i64>().expect("id")}))
        .await;
    let id = created.body["id"].as_i64().expect("id");
    w.api.get(&format!("/api/v1/leads/{id}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    w.api
        .post(&format!("/api/v1/leads/{id}/win"), &json!({"amount": "1"}))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    w.api.delete(&format!("/api/v1/leads/{id}")).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.count(&format!("leads WHERE id = {id} AND status = 'todo'")), 1);
}

#[tokio::test]
async fn one_lead_external_id_sent_at_once_from_many_clients_makes_one_lead() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let bodies = (0..8)
        .map(|n| {
            json!({"title": format!("Race {n}"), "pipeline_id": w.pipeline, "status": "won",
                   "amount": "100", "external_id": "crm-lead-race"})
        })
        .collect();
    one_created_the_others_updated(&w.api.post_at_once("/api/v1/leads", bodies, &[]).await);
    assert_eq!(app.count("leads"), 1);
    assert_eq!(app.count("external_ids WHERE kind = 'lead'"), 1);
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn results_need_the_dream_team_edition() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    app.execute(&format!("UPDATE accounts SET edition = 'sales_essentials' WHERE id = {}", w.rita.account_id));
    let answer = w.api.get(&format!("/api/v1/objectives/{}/results", w.revenue)).await;
    answer.assert_problem(StatusCode::FORBIDDEN, "edition_required");
}
