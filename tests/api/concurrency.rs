use chrono::NaiveDate;
use reqwest::StatusCode;
use sales_objectives::domain::recording::SubjectKind;
use sales_objectives::domain::role::Role;
use sales_objectives::store::buckets::{self, ActivityScope};
use sales_objectives::store::ids::OutcomeId;

use crate::helpers::TestApp;

const CLIENTS: usize = 6;
const EACH: usize = 15;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_logging_over_http_loses_no_count() {
    let app = TestApp::spawn().await;
    app.create_account("Acme", "admin@acme.example");
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let rep = app.create_user("Acme", &format!("rep{client}@acme.example"), &format!("Rep {client}"), Role::Rep);
        let browser = app.another_browser();
        tasks.push(tokio::spawn(async move {
            browser.login_as(&rep).await;
            let prospect = browser.new_prospect(&rep, "Shared name").await;
            let (call, reached) = browser.outcome_id(&rep, "Call", "Reached");
            let token = browser.csrf_token("/").await;
            for i in 0..EACH {
                let moment = format!("2026-11-{:02}T10:00", 1 + i % 28);
                let response = browser
                    .post_form(
                        "/activities",
                        &[
                            ("subject", &format!("prospect:{prospect}")),
                            ("action_id", &call),
                            ("outcome_id", &reached),
                            ("occurred_at", &moment),
                            ("csrf_token", &token),
                        ],
                    )
                    .await;
                assert_eq!(response.status(), StatusCode::SEE_OTHER);
            }
            (rep, reached)
        }));
    }
    let mut logged = 0;
    for task in tasks {
        let (rep, reached) = task.await.expect("client finished");
        let outcomes = [OutcomeId(reached.parse().expect("id"))];
        let scope = ActivityScope {
            account: rep.account_id,
            users: &[rep.id],
            outcomes: &outcomes,
            subjects: &[SubjectKind::Prospect],
            pipeline: None,
        };
        let from = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
        let to = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid date");
        logged += buckets::count_activities(&mut app.conn(), &scope, from, to).expect("count");
    }

    assert_eq!(logged, (CLIENTS * EACH) as i64);
    assert_eq!(app.count("activities"), (CLIENTS * EACH) as i64);
    assert_eq!(app.differences(), 0);
}
