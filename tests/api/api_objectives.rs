//! Objectives written over the JSON API through the editor's own use cases: created
//! (once per idempotency key), changed (a target from the current period on, counting
//! other results recounted), archived and restored, given to people and teams with their
//! own targets; refusals under the API's field names, and nothing half-written.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sales_objectives::store::users::UserRow;
use serde_json::{Value, json};

use crate::helpers::{Api, ObjectiveBuilder, TestApp};

const SCOPES: &[&str] = &["objectives:write", "activities:write", "results:read", "users:read"];

struct World {
    api: Api,
    admin: UserRow,
    manager: UserRow,
    rita: UserRow,
    marco: UserRow,
    call: i64,
    reached: i64,
    voicemail: i64,
    prospect: i64,
}

async fn world(app: &TestApp) -> World {
    let acme = app.acme().with_manager().with_reps(2).build();
    let (rita, marco) = (acme.reps[0].clone(), acme.reps[1].clone());
    let (call, reached) = app.outcome_id(&rita, "Call", "Reached");
    let voicemail = app.outcome_id(&rita, "Call", "Voicemail").1.parse().expect("an id");
    let prospect = app.prospect_of(&rita, "Initech").trim_start_matches("prospect:").parse().expect("an id");
    let secret = app.api_token(&acme.admin, "Planner", SCOPES).await;
    World {
        api: app.api(&secret),
        manager: acme.manager().clone(),
        admin: acme.admin,
        rita,
        marco,
        call: call.parse().expect("an id"),
        reached: reached.parse().expect("an id"),
        voicemail,
        prospect,
    }
}

fn calls(w: &World, name: &str) -> Value {
    json!({"name": name, "kind": "activity", "action_id": w.call, "result_ids": [w.reached],
           "context": "both", "targets": [{"period": "week", "value": "20"}]})
}

async fn log_call(w: &World, at: chrono::DateTime<Utc>) {
    let sent = json!({"user_id": w.rita.id.0, "result_id": w.reached, "prospect_id": w.prospect,
                      "occurred_at": at.to_rfc3339()});
    let logged = w.api.post("/api/v1/activities", &sent).await;
    assert_eq!(logged.status, StatusCode::CREATED, "{:#}", logged.body);
}

/// The figures of `who` in the objective's period `query` names.
async fn line(w: &World, id: i64, query: &str, who: &UserRow) -> Value {
    let results = w.api.get(&format!("/api/v1/objectives/{id}/results?{query}")).await;
    assert_eq!(results.status, StatusCode::OK, "{:#}", results.body);
    let items = results.body["items"].as_array().expect("items").clone();
    items.into_iter().find(|l| l["user_id"] == json!(who.id.0)).unwrap_or(Value::Null)
}

fn id_of(answer: &crate::helpers::Answer) -> i64 {
    answer.body["id"].as_i64().unwrap_or_else(|| panic!("an id in {:#}", answer.body))
}

#[tokio::test]
async fn an_objective_created_over_the_api_is_given_to_people_and_counts_their_work() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let created = w.api.post_keyed("/api/v1/objectives", &calls(&w, "Calls"), "plan-1").await;
    assert_eq!(created.status, StatusCode::CREATED, "{:#}", created.body);
    let b = &created.body;
    assert_eq!(
        (&b["kind"], &b["action_id"], &b["result_ids"], &b["whole_action"], &b["context"]),
        (&json!("activity"), &json!(w.call), &json!([w.reached]), &json!(false), &json!("both"))
    );
    assert_eq!(b["targets"], json!([{"period": "week", "value": "20"}]));
    assert_eq!((&b["holders"], &b["teams"], &b["pipeline_id"]), (&json!([]), &json!([]), &Value::Null));
    let id = id_of(&created);
    let again = w.api.post_keyed("/api/v1/objectives", &calls(&w, "Calls"), "plan-1").await;
    assert_eq!((again.status, id_of(&again)), (StatusCode::CREATED, id));
    assert_eq!(again.headers.get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(app.count("objectives"), 1, "a retry creates nothing");

    let holders = format!("/api/v1/objectives/{id}/holders");
    let given = w.api.post(&holders, &json!({"user_ids": [w.rita.id.0, w.marco.id.0]})).await;
    assert_eq!(given.status, StatusCode::OK, "{:#}", given.body);
    assert_eq!(given.body["holders"].as_array().map(Vec::len), Some(2));
    let twice = w.api.post(&holders, &json!({"user_ids": [w.rita.id.0]})).await;
    twice.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert_eq!(twice.fields(), ["user_ids"]);
    let both = w.api.post(&holders, &json!({"user_ids": [w.rita.id.0], "team_id": 1})).await;
    assert_eq!(both.fields(), ["user_ids"], "people or a team, not both");

    log_call(&w, Utc::now() - Duration::minutes(5)).await;
    let rita = line(&w, id, "period=week", &w.rita).await;
    assert_eq!((&rita["achieved"], &rita["target"], &rita["own_target"]), (&json!("1"), &json!("20"), &json!(false)));

    let own = format!("/api/v1/objectives/{id}/holders/{}/targets", w.rita.id.0);
    let set = w.api.put(&own, &json!({"targets": [{"period": "week", "value": "5"}]})).await;
    assert_eq!(set.status, StatusCode::OK, "{:#}", set.body);
    let held: Vec<Value> = set.body["holders"].as_array().expect("holders").clone();
    let hers = held.iter().find(|h| h["user_id"] == json!(w.rita.id.0)).expect("Rita holds it");
    assert_eq!(hers["own_targets"], json!([{"period": "week", "value": "5"}]));
    let rita = line(&w, id, "period=week", &w.rita).await;
    assert_eq!((&rita["target"], &rita["own_target"]), (&json!("5"), &json!(true)));
    let wrong = w.api.put(&own, &json!({"targets": [{"period": "month", "value": "5"}]})).await;
    wrong.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let cleared = w.api.put(&own, &json!({"targets": []})).await;
    assert_eq!(cleared.status, StatusCode::OK, "{:#}", cleared.body);
    assert_eq!(line(&w, id, "period=week", &w.rita).await["target"], json!("20"), "the objective's again");

    let gone = w.api.delete(&format!("/api/v1/objectives/{id}/holders/{}", w.marco.id.0)).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    w.api
        .delete(&format!("/api/v1/objectives/{id}/holders/{}", w.marco.id.0))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let read = w.api.get(&format!("/api/v1/objectives/{id}")).await;
    assert_eq!(read.body["holders"].as_array().map(Vec::len), Some(1));
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn bad_objectives_are_refused_under_the_apis_field_names_and_write_nothing() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    assert_eq!(w.api.post("/api/v1/objectives", &calls(&w, "Calls")).await.status, StatusCode::CREATED);
    let revenue = |extra: Value| {
        let mut sent = json!({"name": "Revenue", "kind": "sales", "metric": "revenue",
                              "targets": [{"period": "month", "value": "1500.50"}]});
        for (key, value) in extra.as_object().expect("an object") {
            sent[key] = value.clone();
        }
        sent
    };
    let cases: Vec<(Value, &[&str])> = vec![
        (
            json!({"name": "Visits", "kind": "activity", "action_id": w.call, "context": "both",
                "targets": [{"period": "week", "value": "3"}]}),
            &["result_ids"],
        ),
        (revenue(json!({"name": " "})), &["name"]),
        (revenue(json!({"name": "Calls"})), &["name"]),
        (revenue(json!({"metric": null, "targets": [{"period": "month", "value": "1500"}]})), &["metric"]),
        (revenue(json!({"targets": [{"period": "month", "value": "abc"}]})), &["targets[0].value"]),
        (revenue(json!({"targets": [{"period": "month", "value": "0"}]})), &["targets[0].value"]),
        (
            revenue(json!({"targets": [{"period": "month", "value": "1"}, {"period": "month", "value": "2"}]})),
            &["targets[1].period"],
        ),
        (
            revenue(json!({"targets": [{"period": "day", "value": "1"}, {"period": "week", "value": "2"},
                                    {"period": "month", "value": "3"}]})),
            &["targets"],
        ),
        (revenue(json!({"targets": []})), &["targets[0].period", "targets[0].value"]),
        (revenue(json!({"pipeline_id": 999_999})), &["pipeline_id"]),
        (revenue(json!({"starts_on": "2026-12-10", "ends_on": "2026-12-01"})), &["ends_on"]),
        (json!({"name": "Nothing"}), &["kind", "targets[0].period", "targets[0].value"]),
    ];
    for (sent, fields) in cases {
        let answer = w.api.post("/api/v1/objectives", &sent).await;
        answer.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
        assert_eq!(answer.fields(), fields, "{sent}: {:#}", answer.body);
    }
    for malformed in [json!({"kind": "bogus"}), json!({"name": "X", "colour": "red"}), json!([1])] {
        w.api
            .post("/api/v1/objectives", &malformed)
            .await
            .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "malformed_request");
    }
    assert_eq!(app.count("objectives"), 1, "nothing half-written");
    assert_eq!(app.count("objective_targets"), 1);
    let reader = app.api(&app.api_token(&w.admin, "Reader", &["objectives:read"]).await);
    reader
        .post("/api/v1/objectives", &revenue(json!({})))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "insufficient_scope");
    assert_eq!(reader.get("/api/v1/objectives").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_target_changed_over_the_api_keeps_closed_periods_and_other_results_are_recounted() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = ObjectiveBuilder::calls(&app, &w.rita, "Calls")
        .targets(&[("month", "10")])
        .held_by(&[&w.rita])
        .created_at(Utc::now() - Duration::days(70))
        .create(&app, &w.manager)
        .0;
    let then = Utc::now() - Duration::days(40);
    log_call(&w, then).await;
    let earlier = format!("period=month&date={}", then.date_naive());
    let path = format!("/api/v1/objectives/{id}");
    let changed = w.api.patch(&path, &json!({"targets": [{"period": "month", "value": "30"}]})).await;
    assert_eq!(changed.status, StatusCode::OK, "{:#}", changed.body);
    assert_eq!(changed.body["targets"], json!([{"period": "month", "value": "30"}]));
    assert_eq!(changed.body["name"], json!("Calls"), "what is left out stays");
    assert_eq!(line(&w, id, "period=month", &w.rita).await["target"], json!("30"));
    let closed = line(&w, id, &earlier, &w.rita).await;
    assert_eq!(
        (&closed["target"], &closed["achieved"]),
        (&json!("10"), &json!("1")),
        "a closed month keeps its target"
    );

    let other = w.api.patch(&path, &json!({"result_ids": [w.voicemail]})).await;
    assert_eq!(other.body["result_ids"], json!([w.voicemail]), "{:#}", other.body);
    assert_eq!(line(&w, id, &earlier, &w.rita).await["achieved"], json!("0"), "recounted");
    let whole = w.api.patch(&path, &json!({"whole_action": true})).await;
    assert_eq!((&whole.body["whole_action"], &whole.body["result_ids"]), (&json!(true), &json!([])));
    assert_eq!(line(&w, id, &earlier, &w.rita).await["achieved"], json!("1"));

    let dated = w.api.patch(&path, &json!({"ends_on": "2099-12-31"})).await;
    assert_eq!(dated.body["ends_on"], json!("2099-12-31"), "{:#}", dated.body);
    let undated = w.api.patch(&path, &json!({"ends_on": null})).await;
    assert_eq!(undated.body["ends_on"], Value::Null, "null clears it");
    let refused = w.api.patch(&path, &json!({"targets": [{"period": "month", "value": "-3"}]})).await;
    assert_eq!(refused.fields(), ["targets[0].value"]);
    assert_eq!(line(&w, id, "period=month", &w.rita).await["target"], json!("30"), "a refused change changes nothing");
    assert_eq!(app.differences(), 0);
}

#[tokio::test]
async fn an_archived_objective_leaves_the_running_list_and_comes_back_restored() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let id = id_of(&w.api.post("/api/v1/objectives", &calls(&w, "Calls")).await);
    let archived = w.api.post(&format!("/api/v1/objectives/{id}/archive"), &json!({})).await;
    assert_eq!((archived.status, &archived.body["archived"]), (StatusCode::OK, &json!(true)));
    let names = |list: &Value| -> Vec<i64> {
        list["items"].as_array().expect("items").iter().filter_map(|o| o["id"].as_i64()).collect()
    };
    assert_eq!(names(&w.api.get("/api/v1/objectives").await.body), Vec::<i64>::new());
    assert_eq!(names(&w.api.get("/api/v1/objectives?state=archived").await.body), [id]);
    let refused = w.api.post(&format!("/api/v1/objectives/{id}/holders"), &json!({"user_ids": [w.rita.id.0]})).await;
    assert_eq!(refused.fields(), ["user_ids"], "an archived objective is given to no one");
    let restored = w.api.post(&format!("/api/v1/objectives/{id}/restore"), &json!({})).await;
    assert_eq!((restored.status, &restored.body["archived"]), (StatusCode::OK, &json!(false)));
    assert_eq!(names(&w.api.get("/api/v1/objectives").await.body), [id]);
}

#[tokio::test]
async fn a_team_holds_an_objective_over_the_api_against_its_own_targets() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let team = app.team(&w.admin, "North", &[&w.rita, &w.marco]).0;
    let teams = w.api.get("/api/v1/teams").await;
    assert_eq!(teams.body["items"][0]["name"], json!("North"), "{:#}", teams.body);
    assert_eq!(teams.body["items"][0]["members"].as_array().map(Vec::len), Some(2));
    let id = id_of(&w.api.post("/api/v1/objectives", &calls(&w, "Calls")).await);
    let path = format!("/api/v1/objectives/{id}/teams");
    let given = w.api.post(&path, &json!({"team_id": team, "targets": [{"period": "week", "value": "40"}]})).await;
    assert_eq!(given.status, StatusCode::OK, "{:#}", given.body);
    assert_eq!(
        given.body["teams"],
        json!([{"team_id": team, "name": "North",
                                            "targets": [{"period": "week", "value": "40"}]}])
    );
    let twice = w.api.post(&path, &json!({"team_id": team, "targets": [{"period": "week", "value": "40"}]})).await;
    assert_eq!(twice.fields(), ["team_id"]);
    let missing = w.api.put(&format!("{path}/{team}/targets"), &json!({"targets": []})).await;
    assert_eq!(missing.fields(), ["targets"], "a team has a target for each period");
    let changed =
        w.api.put(&format!("{path}/{team}/targets"), &json!({"targets": [{"period": "week", "value": "50"}]})).await;
    assert_eq!(changed.body["teams"][0]["targets"], json!([{"period": "week", "value": "50"}]), "{:#}", changed.body);
    log_call(&w, Utc::now() - Duration::minutes(5)).await;
    let results = w.api.get(&format!("/api/v1/objectives/{id}/results?group_by=team")).await;
    let north = &results.body["items"][0];
    assert_eq!((&north["team_id"], &north["achieved"], &north["target"]), (&json!(team), &json!("1"), &json!("50")));
    assert_eq!(w.api.delete(&format!("{path}/{team}")).await.status, StatusCode::NO_CONTENT);
    assert_eq!(w.api.get(&format!("/api/v1/objectives/{id}")).await.body["teams"], json!([]));
}

#[tokio::test]
async fn another_accounts_objectives_and_people_are_out_of_reach() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let globex = app.create_account("Globex", "admin@globex.example");
    let theirs = ObjectiveBuilder::revenue("Globex revenue").targets(&[("month", "100")]).create(&app, &globex).0;
    let outsider = app.create_user("Globex", "olga@globex.example", "Olga", sales_objectives::domain::role::Role::Rep);
    for answer in [
        w.api.get(&format!("/api/v1/objectives/{theirs}")).await,
        w.api.patch(&format!("/api/v1/objectives/{theirs}"), &json!({"name": "Mine"})).await,
        w.api.post(&format!("/api/v1/objectives/{theirs}/archive"), &json!({})).await,
        w.api.post(&format!("/api/v1/objectives/{theirs}/restore"), &json!({})).await,
        w.api.post(&format!("/api/v1/objectives/{theirs}/holders"), &json!({"user_ids": [outsider.id.0]})).await,
        w.api
            .put(&format!("/api/v1/objectives/{theirs}/holders/{}/targets", outsider.id.0), &json!({"targets": []}))
            .await,
    ] {
        answer.assert_problem(StatusCode::NOT_FOUND, "not_found");
    }
    let ours = id_of(&w.api.post("/api/v1/objectives", &calls(&w, "Calls")).await);
    let refused =
        w.api.post(&format!("/api/v1/objectives/{ours}/holders"), &json!({"user_ids": [outsider.id.0]})).await;
    assert_eq!(refused.fields(), ["user_ids"], "only this account's people");
    app.execute(&format!("UPDATE accounts SET edition = 'sales_essentials' WHERE id = {}", w.rita.account_id));
    let essentials = w.api.post("/api/v1/objectives", &calls(&w, "Visits")).await;
    essentials.assert_problem(StatusCode::FORBIDDEN, "edition_required");
}

#[tokio::test]
async fn one_key_or_one_holder_sent_at_once_from_many_clients_writes_once() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let bodies = (0..8).map(|_| calls(&w, "Calls")).collect();
    let answers = w.api.post_at_once("/api/v1/objectives", bodies, &[("Idempotency-Key", "plan-race")]).await;
    let ids: Vec<i64> = answers.iter().filter(|a| a.status == StatusCode::CREATED).map(id_of).collect();
    assert!(answers.iter().all(|a| [StatusCode::CREATED, StatusCode::SERVICE_UNAVAILABLE].contains(&a.status)));
    assert!(!ids.is_empty() && ids.iter().all(|id| *id == ids[0]), "one objective: {ids:?}");
    assert_eq!(app.count("objectives"), 1);

    let path = format!("/api/v1/objectives/{}/holders", ids[0]);
    let answers = w.api.post_at_once(&path, vec![json!({"user_ids": [w.rita.id.0]}); 8], &[]).await;
    let given = answers.iter().filter(|a| a.status == StatusCode::OK).count();
    assert_eq!(given, 1, "{:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());
    assert!(answers.iter().all(|a| {
        a.status == StatusCode::OK
            || a.status == StatusCode::SERVICE_UNAVAILABLE
            || (a.status == StatusCode::UNPROCESSABLE_ENTITY && a.fields() == ["user_ids"])
    }));
    assert_eq!(app.count("assignments"), 1);
}
