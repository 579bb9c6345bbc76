//! The JSON API under load: 32 clients posting one activity each at a time, batches of
//! 5,000 activities, and one objective's results for its 100 holders.

use std::time::{Duration, Instant};

use serde_json::json;

use sales_objectives::app::api::tokens::{self, TokenForm};
use sales_objectives::app::{Actor, Cx};
use sales_objectives::password::{PasswordCost, Passwords};
use sales_objectives::store::{actions, prospects, users};

use super::{Built, percentile};

pub struct ApiFigures {
    pub post_per_s: f64,
    pub post_p99_ms: f64,
    pub posted: u64,
    pub batch_per_s: f64,
    pub batched: u64,
    pub results: (f64, f64),
}

/// What the requests name: a token, the Call › Reached result, and each rep's first
/// prospect.
struct Named {
    secret: String,
    result: i64,
    subjects: Vec<(i64, i64)>,
}

fn named(built: &Built) -> anyhow::Result<Named> {
    let account = built.dataset.account.id;
    let mut conn = built.pool.get()?;
    let catalogue = actions::list(&mut conn, account)?;
    let call = catalogue.iter().find(|a| a.action.name == "Call").ok_or_else(|| anyhow::anyhow!("no Call action"))?;
    let result = call.outcomes[0].id.0;
    let by_owner = prospects::ids_by_owner_and_name(&mut conn, account)?;
    let subjects = built
        .dataset
        .reps
        .iter()
        .filter_map(|rep| by_owner.get(&(*rep, "Prospect 0".to_owned())).map(|p| (rep.0, p.0)))
        .collect();
    let admin =
        users::find_by_email(&mut conn, account, "admin@bench.example")?.ok_or_else(|| anyhow::anyhow!("no admin"))?;
    let actor = Actor { user: admin.id, role: admin.role, account: std::sync::Arc::new(built.dataset.account.clone()) };
    let form = TokenForm { name: "Bench".into(), scopes: vec!["activities:write".into(), "results:read".into()] };
    let passwords = Passwords::new(PasswordCost::TESTING)?;
    let made = tokens::create(&mut Cx::new(&mut conn, &passwords, chrono::Utc::now()), &actor, &form)
        .map_err(|e| anyhow::anyhow!("making a token: {e}"))?;
    Ok(Named { secret: made.secret, result, subjects })
}

fn client() -> awc::Client {
    awc::Client::builder().timeout(Duration::from_secs(120)).finish()
}

async fn post(client: &awc::Client, url: &str, secret: &str, body: String) -> Option<u16> {
    let response = client
        .post(url)
        .insert_header(("Authorization", format!("Bearer {secret}")))
        .content_type("application/json")
        .send_body(body)
        .await
        .ok()?;
    Some(response.status().as_u16())
}

pub async fn measure(
    built: &Built,
    base: &str,
    seconds: f64,
    batches: usize,
    requests: usize,
) -> anyhow::Result<ApiFigures> {
    let named = named(built)?;
    // One activity per request, 32 clients at once.
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for n in 0..32 {
        let (user, prospect) = named.subjects[n % named.subjects.len()];
        let body = json!({"user_id": user, "result_id": named.result, "prospect_id": prospect}).to_string();
        let (url, secret) = (format!("{base}/api/v1/activities"), named.secret.clone());
        tasks.push(actix_web::rt::spawn(async move {
            let client = client();
            let mut times = Vec::new();
            while Instant::now() < deadline {
                let started = Instant::now();
                if post(&client, &url, &secret, body.clone()).await == Some(201) {
                    times.push(started.elapsed().as_secs_f64() * 1000.0);
                }
            }
            times
        }));
    }
    let mut times = Vec::new();
    for task in tasks {
        times.extend(task.await.unwrap_or_default());
    }
    let posted = times.len() as u64;
    let (post_per_s, post_p99_ms) = (posted as f64 / seconds, percentile(&times, 99.0));

    // Batches of 5,000, one after another, spread over the reps.
    let items: Vec<serde_json::Value> = (0..5_000)
        .map(|i| {
            let (user, prospect) = named.subjects[i % named.subjects.len()];
            json!({"user_id": user, "result_id": named.result, "prospect_id": prospect,
                   "occurred_at": format!("2025-0{}-1{}T10:{:02}:00+01:00", 1 + i % 9, i % 10, i % 60)})
        })
        .collect();
    let batch = json!({ "activities": items }).to_string();
    let (client, url) = (client(), format!("{base}/api/v1/activities/batch"));
    let started = Instant::now();
    let mut batched = 0;
    for _ in 0..batches {
        anyhow::ensure!(post(&client, &url, &named.secret, batch.clone()).await == Some(201), "a batch was refused");
        batched += 5_000;
    }
    let batch_per_s = batched as f64 / started.elapsed().as_secs_f64();

    // One objective's results, its 100 holders.
    let path = format!("{base}/api/v1/objectives/1/results?period=week");
    let mut times = Vec::new();
    for n in 0..requests + super::WARM_UP {
        let started = Instant::now();
        let response =
            client.get(&path).insert_header(("Authorization", format!("Bearer {}", named.secret))).send().await;
        let ok = match response {
            Ok(mut response) => response.status().is_success() && response.body().limit(1 << 24).await.is_ok(),
            Err(_) => false,
        };
        anyhow::ensure!(ok, "the results were refused");
        if n >= super::WARM_UP {
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let results = (percentile(&times, 50.0), percentile(&times, 99.0));
    Ok(ApiFigures { post_per_s, post_p99_ms, posted, batch_per_s, batched, results })
}
