//! One counting rule, three readers: on generated activities, the objective's buckets, the
//! activity buckets and the detail page's listing count exactly what the in-memory rule
//! counts, whether the objective was set before the activities (counted as they come) or
//! after (recounted), and after some activities are deleted.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sales_objectives::app::recording::activities::{self, ActivityForm};
use sales_objectives::app::recording::leads::{self, LeadForm};
use sales_objectives::domain::counting::{Countable, CountingRule};
use sales_objectives::domain::ids::{ObjectiveId, OutcomeId, PipelineId};
use sales_objectives::domain::objective::Context;
use sales_objectives::domain::recording::SubjectKind;
use sales_objectives::domain::role::Role;
use sales_objectives::store::counting_rules::{self, RulesOf};
use sales_objectives::store::users::UserRow;
use sales_objectives::store::{actions, buckets, pipelines};

use crate::helpers::{ObjectiveBuilder, TestApp};

/// Call's four results, then one of Email's, which no Call objective may count.
const RESULTS: [(&str, &str); 5] =
    [("Call", "Reached"), ("Call", "Voicemail"), ("Call", "No answer"), ("Call", "Wrong number"), ("Email", "Sent")];

/// Where an activity is done.
#[derive(Debug, Clone, Copy)]
enum On {
    SalesLead,
    RenewalsLead,
    Prospect,
}

#[derive(Debug, Clone)]
struct Logged {
    by_remo: bool,
    result: usize,
    on: On,
    /// Days after 15 October 2026: across two month ends.
    day: u64,
    deleted: bool,
}

#[derive(Debug, Clone)]
struct Case {
    activities: Vec<Logged>,
    whole_action: bool,
    /// Which of Call's results the objective counts (when not the whole action).
    chosen: Vec<usize>,
    context: Context,
    /// None, Sales, or Renewals.
    pipeline: usize,
    set_first: bool,
    /// The days counted: [from, from + length).
    from: u64,
    length: u64,
}

fn case() -> impl Strategy<Value = Case> {
    let logged = (any::<bool>(), 0..RESULTS.len(), 0..3usize, 0..80u64, proptest::bool::weighted(0.2)).prop_map(
        |(by_remo, result, on, day, deleted)| Logged {
            by_remo,
            result,
            on: [On::SalesLead, On::RenewalsLead, On::Prospect][on],
            day,
            deleted,
        },
    );
    (
        proptest::collection::vec(logged, 0..24),
        any::<bool>(),
        proptest::sample::subsequence(vec![0usize, 1, 2, 3], 1..=4),
        prop_oneof![Just(Context::Both), Just(Context::Leads), Just(Context::Prospects)],
        0..3usize,
        any::<bool>(),
        0..80u64,
        1..80u64,
    )
        .prop_map(|(activities, whole_action, chosen, context, pipeline, set_first, from, length)| Case {
            activities,
            whole_action,
            chosen,
            context,
            pipeline,
            set_first,
            from,
            length,
        })
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 15).and_then(|d| d.checked_add_days(Days::new(offset))).expect("a date")
}

/// An account of its own for one case: its reps, its subjects and its ids.
struct World {
    rita: UserRow,
    remo: UserRow,
    manager: UserRow,
    results: Vec<(String, OutcomeId)>,
    sales: PipelineId,
    renewals: PipelineId,
}

fn world(app: &TestApp, n: u32) -> World {
    let name = format!("Case {n}");
    let admin = app.create_account(&name, "admin@case.example");
    let manager = app.create_user(&name, "mara@case.example", "Mara Manager", Role::Manager);
    let rita = app.create_user(&name, "rita@case.example", "Rita Rep", Role::Rep);
    let remo = app.create_user(&name, "remo@case.example", "Remo Rep", Role::Rep);
    let renewals = pipelines::insert(&mut app.conn(), admin.account_id, "Renewals", chrono::Utc::now().naive_utc())
        .expect("a pipeline");
    let catalogue = actions::list(&mut app.conn(), admin.account_id).expect("actions");
    let results = RESULTS
        .iter()
        .map(|(action, outcome)| {
            let item = catalogue.iter().find(|a| a.action.name == *action).expect("the action");
            let found = item.outcomes.iter().find(|o| o.name == *outcome).expect("the result");
            (item.action.id.to_string(), found.id)
        })
        .collect();
    let sales = pipelines::find_by_name(&mut app.conn(), admin.account_id, "Sales").expect("read").expect("Sales").id;
    World { rita, remo, manager, results, sales, renewals: renewals.id }
}

/// Subjects of one rep: a lead in each pipeline and a prospect, as the activity form names them.
fn subjects_of(app: &TestApp, w: &World, rep: &UserRow) -> [(String, Countable); 3] {
    let lead_in = |pipeline: PipelineId, title: &str| {
        let form = LeadForm { title: title.into(), pipeline_id: pipeline.to_string(), ..LeadForm::default() };
        let lead = app.run_as(rep, |cx, actor| leads::create(cx, actor, &form));
        format!("lead:{}", lead.id)
    };
    let unset = OutcomeId(0);
    [
        (
            lead_in(w.sales, "In Sales"),
            Countable { outcome: unset, subject: SubjectKind::Lead, pipeline: Some(w.sales) },
        ),
        (
            lead_in(w.renewals, "In Renewals"),
            Countable { outcome: unset, subject: SubjectKind::Lead, pipeline: Some(w.renewals) },
        ),
        (
            app.prospect_of(rep, "A prospect"),
            Countable { outcome: unset, subject: SubjectKind::Prospect, pipeline: None },
        ),
    ]
}

fn set_objective(app: &TestApp, w: &World, case: &Case) -> ObjectiveId {
    let chosen: Vec<String> = case.chosen.iter().map(|i| w.results[*i].1.to_string()).collect();
    let pipeline = [None, Some(w.sales), Some(w.renewals)][case.pipeline];
    let context = case.context.as_str().to_owned();
    let whole = case.whole_action;
    ObjectiveBuilder::calls(app, &w.manager, "Calls")
        .edit(|form| {
            form.outcome_ids = chosen;
            form.all_outcomes = if whole { "1".into() } else { String::new() };
            form.context = context;
            form.pipeline_id = pipeline.map(|p| p.to_string()).unwrap_or_default();
        })
        .targets(&[("month", "10")])
        .held_by(&[&w.rita, &w.remo])
        .create(app, &w.manager)
}

/// Runs one case in an account of its own.
fn run(app: &TestApp, n: u32, case: &Case) -> Result<(), TestCaseError> {
    let w = world(app, n);
    let subjects = [subjects_of(app, &w, &w.rita), subjects_of(app, &w, &w.remo)];
    let mut objective = case.set_first.then(|| set_objective(app, &w, case));
    let mut kept = Vec::new();
    for logged in &case.activities {
        let rep = if logged.by_remo { &w.remo } else { &w.rita };
        let (subject, mut countable) = subjects[usize::from(logged.by_remo)][logged.on as usize].clone();
        let (action_id, outcome) = &w.results[logged.result];
        countable.outcome = *outcome;
        let form = ActivityForm {
            action_id: action_id.clone(),
            outcome_id: outcome.to_string(),
            subject,
            occurred_at: format!("{}T10:00", day(logged.day)),
            ..ActivityForm::default()
        };
        // Logged once its day has come.
        let logged_at = day(logged.day + 1).and_hms_opt(0, 0, 0).expect("midnight").and_utc().max(chrono::Utc::now());
        let activity = app.run_as_at(rep, logged_at, |cx, actor| activities::log(cx, actor, &form));
        if logged.deleted {
            app.run_as(rep, |cx, actor| activities::delete(cx, actor, activity.id));
        } else {
            kept.push((logged.by_remo, logged.day, countable));
        }
    }
    let objective = *objective.get_or_insert_with(|| set_objective(app, &w, case));

    let mut conn = app.conn();
    let rule = counting_rules::load(&mut conn, RulesOf::Objective(objective))
        .expect("rules")
        .remove(&objective)
        .map(|counted| counted.rule)
        .expect("a Call objective counts results");
    let counted_results = if case.whole_action { vec![0, 1, 2, 3] } else { case.chosen.clone() };
    let pipeline = [None, Some(w.sales), Some(w.renewals)][case.pipeline];
    let expected_rule = CountingRule::new(counted_results.iter().map(|i| w.results[*i].1), case.context, pipeline);
    prop_assert_eq!(&rule, &expected_rule, "the stored definition reads back as the rule");

    let days = (day(case.from), day(case.from + case.length));
    let (account, users) = (w.rita.account_id, [w.rita.id, w.remo.id]);
    let by_objective = buckets::count_for_objective(&mut conn, objective, &users, days.0, days.1).expect("count");
    for (index, user) in users.iter().enumerate() {
        let in_memory = kept
            .iter()
            .filter(|(by_remo, d, countable)| {
                usize::from(*by_remo) == index && day(*d) >= days.0 && day(*d) < days.1 && rule.counts(countable)
            })
            .count() as i64;
        let from_activity_buckets =
            buckets::count_activities(&mut conn, account, &[*user], &rule, days).expect("count");
        let listed = sales_objectives::store::activities::counted(&mut conn, account, &[*user], &rule, days, (1000, 0))
            .expect("listing")
            .len() as i64;
        prop_assert_eq!(by_objective.get(user).copied().unwrap_or(0), in_memory, "objective buckets, rep {}", index);
        prop_assert_eq!(from_activity_buckets, in_memory, "activity buckets, rep {}", index);
        prop_assert_eq!(listed, in_memory, "the listing, rep {}", index);
    }
    let verification = buckets::verify(&mut conn, Some(account)).expect("verified");
    prop_assert!(verification.differences.is_empty(), "{:?}", verification.differences);
    Ok(())
}

#[tokio::test]
async fn the_buckets_and_the_listing_count_what_the_rule_counts() {
    let app = TestApp::spawn().await;
    let cases = if app.on_postgres() { 12 } else { 24 };
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let n = std::cell::Cell::new(0);
    let outcome = runner.run(&case(), |case| {
        n.set(n.get() + 1);
        run(&app, n.get(), &case)
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}
