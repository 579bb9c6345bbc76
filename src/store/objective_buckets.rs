//! Objective buckets: running totals per activity objective, user and local day, month and
//! year. An objective's figures read them alone: one row for a user's year, a few for a
//! quarter or a week, however dense the history. `activity_buckets` stay the source they
//! are rebuilt and verified from (year buckets from the month buckets).

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::buckets::{ActivityKey, DAY, MONTH, ROWS_PER_STATEMENT, placeholders};
use crate::db::schema::{objective_buckets, objective_outcomes, objectives, outcomes};
use crate::db::{AnyBackend, AnyConnection, Backend};
use crate::domain::bucket_plan::{self, BucketPlan, YearPlan};
use crate::domain::ids::{AccountId, ObjectiveId, OutcomeId, UserId};
use crate::domain::objective::{Context, ObjectiveKind};
use crate::domain::recording::SubjectKind;

/// Which stored activity buckets an activity objective `o` counts (`b`): its action's
/// outcomes `oc` (all of them, or those chosen), its subjects, its pipeline. Shared by the
/// rebuild and `verify`; `rules` says the same for one activity at a time.
const COUNTED: &str = "FROM objectives o JOIN outcomes oc ON oc.account_id = o.account_id AND oc.action_id = o.action_id \
     JOIN activity_buckets b ON b.account_id = o.account_id AND b.outcome_id = oc.id \
     WHERE o.kind = 'activity' \
       AND (o.whole_action OR EXISTS ( \
            SELECT 1 FROM objective_outcomes x WHERE x.objective_id = o.id AND x.outcome_id = oc.id)) \
       AND (o.context = 'both' OR (o.context = 'leads' AND b.subject_kind = 'lead') \
            OR (o.context = 'prospects' AND b.subject_kind = 'prospect')) \
       AND (o.pipeline_id IS NULL OR b.pipeline_id = o.pipeline_id)";

const YEAR: &str = "year";

const COLUMNS: &str = "INSERT INTO objective_buckets (account_id, objective_id, user_id, grain, bucket, count) VALUES ";
const CONFLICT: &str = " ON CONFLICT (objective_id, grain, bucket, user_id) DO UPDATE SET count = objective_buckets.count + excluded.count";

/// An activity objective's rule, as one of its outcomes sees it.
#[derive(Debug, Clone, Copy)]
struct Rule {
    objective: i64,
    subjects: &'static [SubjectKind],
    pipeline: Option<i64>,
}

impl Rule {
    fn counts(&self, key: &ActivityKey) -> bool {
        self.subjects.contains(&key.subject) && self.pipeline.is_none_or(|p| key.pipeline.is_some_and(|k| k.0 == p))
    }
}

/// The rules of an account's activity objectives (archived ones too, so their pages stay
/// right), by the outcome they count: the rule `COUNTED` writes as SQL text, built here with
/// the query builder so that each connection prepares it once (it runs with every activity
/// logged).
fn rules(conn: &mut AnyConnection, account: AccountId) -> QueryResult<HashMap<OutcomeId, Vec<Rule>>> {
    let chosen = objective_outcomes::table
        .filter(objective_outcomes::objective_id.eq(objectives::id))
        .filter(objective_outcomes::outcome_id.eq(outcomes::id));
    let rows: Vec<(i64, i64, Option<String>, Option<i64>)> = objectives::table
        .inner_join(
            outcomes::table.on(outcomes::account_id
                .eq(objectives::account_id)
                .and(objectives::action_id.eq(outcomes::action_id.nullable()))),
        )
        .filter(objectives::account_id.eq(account.0))
        .filter(objectives::kind.eq(ObjectiveKind::Activity.as_str()))
        .filter(objectives::whole_action.or(diesel::dsl::exists(chosen)))
        .select((objectives::id, outcomes::id, objectives::context, objectives::pipeline_id))
        .load(conn)?;
    let mut rules: HashMap<OutcomeId, Vec<Rule>> = HashMap::new();
    for (objective, outcome, context, pipeline) in rows {
        let subjects = context.and_then(|c| c.parse::<Context>().ok()).map_or(&[][..], Context::subjects);
        rules.entry(OutcomeId(outcome)).or_default().push(Rule { objective, subjects, pipeline });
    }
    Ok(rules)
}

/// One objective bucket: account, objective, user, grain, bucket.
type BucketRow = (i64, i64, i64, &'static str, NaiveDate);

/// Adds the activity counts (negative to remove) to the buckets of every objective that
/// counts them, in the caller's transaction.
pub fn add_activities(conn: &mut AnyConnection, counts: &[(ActivityKey, i64)]) -> QueryResult<()> {
    let mut rules_of: BTreeMap<AccountId, HashMap<OutcomeId, Vec<Rule>>> = BTreeMap::new();
    let mut merged: BTreeMap<BucketRow, i64> = BTreeMap::new();
    for (key, delta) in counts {
        let rules = match rules_of.entry(key.account) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => new.insert(rules(conn, key.account)?),
        };
        let Some(rules) = rules.get(&key.outcome) else { continue };
        for rule in rules.iter().filter(|rule| rule.counts(key)) {
            for (grain, bucket) in grains(key.day) {
                *merged.entry((key.account.0, rule.objective, key.user.0, grain, bucket)).or_default() += delta;
            }
        }
    }
    upsert(conn, merged)
}

/// The buckets a day counts in.
fn grains(day: NaiveDate) -> [(&'static str, NaiveDate); 3] {
    [(DAY, day), (MONTH, bucket_plan::month_start(day)), (YEAR, bucket_plan::year_start(day))]
}

/// Adds each count to its bucket, creating the missing ones, in multi-row statements.
fn upsert(conn: &mut AnyConnection, merged: BTreeMap<BucketRow, i64>) -> QueryResult<()> {
    let rows: Vec<_> = merged.into_iter().filter(|(_, delta)| *delta != 0).collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!("{COLUMNS}{}{CONFLICT}", placeholders(Backend::of(conn), chunk.len(), 6));
        let mut query = diesel::sql_query(sql).into_boxed::<AnyBackend>();
        for ((account, objective, user, grain, bucket), count) in chunk {
            query = query
                .bind::<BigInt, _>(*account)
                .bind::<BigInt, _>(*objective)
                .bind::<BigInt, _>(*user)
                .bind::<Text, _>(*grain)
                .bind::<Date, _>(*bucket)
                .bind::<BigInt, _>(*count);
        }
        query.execute(conn)?;
    }
    Ok(())
}

/// Recounts one objective's buckets from the activity buckets, after its definition (action,
/// results, subjects, pipeline) changed.
pub fn rebuild(conn: &mut AnyConnection, objective: ObjectiveId) -> QueryResult<()> {
    diesel::delete(objective_buckets::table.filter(objective_buckets::objective_id.eq(objective.0))).execute(conn)?;
    diesel::sql_query(format!(
        "INSERT INTO objective_buckets (account_id, objective_id, user_id, grain, bucket, count) \
         SELECT b.account_id, o.id, b.user_id, b.grain, b.bucket, SUM(b.count) {COUNTED} AND o.id = $1 \
         GROUP BY b.account_id, o.id, b.user_id, b.grain, b.bucket"
    ))
    .bind::<BigInt, _>(objective.0)
    .execute(conn)?;
    let months = objective_buckets::table
        .filter(objective_buckets::objective_id.eq(objective.0))
        .filter(objective_buckets::grain.eq(MONTH))
        .select((
            objective_buckets::account_id,
            objective_buckets::user_id,
            objective_buckets::bucket,
            objective_buckets::count,
        ))
        .load::<(i64, i64, NaiveDate, i64)>(conn)?;
    let mut years: BTreeMap<BucketRow, i64> = BTreeMap::new();
    for (account, user, month, count) in months {
        *years.entry((account, objective.0, user, YEAR, bucket_plan::year_start(month))).or_default() += count;
    }
    upsert(conn, years)
}

/// Years add up their months.
fn with_years(mut buckets: BTreeMap<VerifiedBucket, i64>) -> BTreeMap<VerifiedBucket, i64> {
    let mut years: BTreeMap<VerifiedBucket, i64> = BTreeMap::new();
    for ((objective, user, grain, bucket), count) in &buckets {
        if grain == MONTH {
            *years.entry((*objective, *user, YEAR.to_owned(), bucket_plan::year_start(*bucket))).or_default() += count;
        }
    }
    buckets.extend(years);
    buckets
}

/// How many counted activities each of `users` did for the objective on local dates
/// [start, end): year buckets for the whole years, month buckets for the whole months left,
/// day buckets for the edges.
///
/// Each read is a range of one grain in the objective's key order, summed here rather than
/// in SQL, and takes either one user or every holder (those not asked for are skipped): no
/// list of values and no SQL text, so each statement is prepared once per connection.
pub fn count_by_user(
    conn: &mut AnyConnection,
    objective: ObjectiveId,
    users: &[UserId],
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<BTreeMap<UserId, i64>> {
    if users.is_empty() {
        return Ok(BTreeMap::new());
    }
    let YearPlan { years, parts } = bucket_plan::plan_with_years(start, end);
    // (grain, first bucket, last bucket), both included; years and months are consecutive.
    let mut ranges: Vec<(&str, NaiveDate, NaiveDate)> = Vec::new();
    if let (Some(first), Some(last)) = (years.first(), years.last()) {
        ranges.push((YEAR, *first, *last));
    }
    for BucketPlan { months, day_ranges } in parts {
        if let (Some(first), Some(last)) = (months.first(), months.last()) {
            ranges.push((MONTH, *first, *last));
        }
        for (from, to) in day_ranges {
            ranges.push((DAY, from, to.pred_opt().unwrap_or(from)));
        }
    }
    let mut totals: BTreeMap<UserId, i64> = users.iter().map(|u| (*u, 0)).collect();
    for (grain, first, last) in ranges {
        let mut query = objective_buckets::table
            .filter(objective_buckets::objective_id.eq(objective.0))
            .filter(objective_buckets::grain.eq(grain))
            .filter(objective_buckets::bucket.ge(first))
            .filter(objective_buckets::bucket.le(last))
            .select((objective_buckets::user_id, objective_buckets::count))
            .into_boxed();
        if let [user] = users {
            query = query.filter(objective_buckets::user_id.eq(user.0));
        }
        for (user, count) in query.load::<(i64, i64)>(conn)? {
            if let Some(total) = totals.get_mut(&UserId(user)) {
                *total += count;
            }
        }
    }
    Ok(totals)
}

/// One objective bucket as stored or recounted: objective, user, grain, bucket.
pub type VerifiedBucket = (i64, i64, String, NaiveDate);

#[derive(QueryableByName)]
struct CountedRow {
    #[diesel(sql_type = BigInt)]
    objective: i64,
    #[diesel(sql_type = BigInt)]
    user_id: i64,
    #[diesel(sql_type = Text)]
    grain: String,
    #[diesel(sql_type = Date)]
    bucket: NaiveDate,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// The objective buckets recounted from the activity buckets, and as stored, for `verify`.
#[allow(clippy::type_complexity)]
pub fn recounted_and_stored(
    conn: &mut AnyConnection,
    account: Option<AccountId>,
) -> QueryResult<(BTreeMap<VerifiedBucket, i64>, BTreeMap<VerifiedBucket, i64>)> {
    let only = if account.is_some() { " AND o.account_id = $1" } else { "" };
    let recount = diesel::sql_query(format!(
        "SELECT o.id AS objective, b.user_id AS user_id, b.grain AS grain, b.bucket AS bucket, \
         CAST(SUM(b.count) AS BIGINT) AS count {COUNTED}{only} GROUP BY o.id, b.user_id, b.grain, b.bucket"
    ))
    .into_boxed::<AnyBackend>();
    let recount = match account {
        Some(account) => recount.bind::<BigInt, _>(account.0),
        None => recount,
    };
    let recounted =
        recount.load::<CountedRow>(conn)?.into_iter().map(|r| ((r.objective, r.user_id, r.grain, r.bucket), r.count));
    let mut stored = objective_buckets::table
        .select((
            objective_buckets::objective_id,
            objective_buckets::user_id,
            objective_buckets::grain,
            objective_buckets::bucket,
            objective_buckets::count,
        ))
        .into_boxed();
    if let Some(account) = account {
        stored = stored.filter(objective_buckets::account_id.eq(account.0));
    }
    let stored = stored.load::<(i64, i64, String, NaiveDate, i64)>(conn)?;
    Ok((with_years(recounted.collect()), stored.into_iter().map(|(o, u, g, b, c)| ((o, u, g, b), c)).collect()))
}
