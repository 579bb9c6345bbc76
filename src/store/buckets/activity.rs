//! Activity buckets: how many activities each user did per result, subject, pipeline and
//! local day and month. The source the objective buckets are rebuilt and verified from,
//! and what the detail page splits a figure by result with.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Text};

use super::statement::{DAY, MONTH, ROWS_PER_STATEMENT, day_and_month, placeholders};
use crate::db::schema::{activities, activity_buckets};
use crate::db::{AnyBackend, AnyConnection, Backend};
use crate::domain::bucket_plan::{self, BucketPlan};
use crate::domain::counting::{Countable, CountingRule};
use crate::domain::ids::{AccountId, OutcomeId, PipelineId, UserId};
use crate::domain::recording::SubjectKind;

/// The pipeline of activities that have none (those on prospects).
pub const NO_PIPELINE: i64 = 0;

/// What one activity adds to (or, deleted, takes from) the buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActivityKey {
    pub account: AccountId,
    pub user: UserId,
    pub outcome: OutcomeId,
    pub subject: SubjectKind,
    pub pipeline: Option<PipelineId>,
    pub day: NaiveDate,
}

impl ActivityKey {
    /// What a counting rule reads of the activity.
    pub fn countable(&self) -> Countable {
        Countable { outcome: self.outcome, subject: self.subject, pipeline: self.pipeline }
    }
}

const COLUMNS: &str = "INSERT INTO activity_buckets \
     (account_id, user_id, outcome_id, subject_kind, pipeline_id, grain, bucket, count) VALUES ";
const CONFLICT: &str = " ON CONFLICT (account_id, user_id, grain, bucket, outcome_id, subject_kind, pipeline_id) \
     DO UPDATE SET count = activity_buckets.count + excluded.count";

/// One activity bucket's key: account, user, outcome, subject, pipeline, grain, bucket.
type BucketRow = (i64, i64, i64, &'static str, i64, &'static str, NaiveDate);

/// Adds the counts (negative to remove), merged per bucket, in multi-row statements.
pub fn add(conn: &mut AnyConnection, counts: &[(ActivityKey, i64)]) -> QueryResult<()> {
    let mut merged: BTreeMap<BucketRow, i64> = BTreeMap::new();
    for (key, delta) in counts {
        for (grain, bucket) in day_and_month(key.day) {
            let pipeline = key.pipeline.map_or(NO_PIPELINE, |p| p.0);
            let id = (key.account.0, key.user.0, key.outcome.0, key.subject.as_str(), pipeline, grain, bucket);
            *merged.entry(id).or_default() += delta;
        }
    }
    let rows: Vec<_> = merged.into_iter().collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!("{COLUMNS}{}{CONFLICT}", placeholders(Backend::of(conn), chunk.len(), 8));
        let mut query = diesel::sql_query(sql).into_boxed::<AnyBackend>();
        for ((account, user, outcome, subject, pipeline, grain, bucket), count) in chunk {
            query = query
                .bind::<BigInt, _>(*account)
                .bind::<BigInt, _>(*user)
                .bind::<BigInt, _>(*outcome)
                .bind::<Text, _>(*subject)
                .bind::<BigInt, _>(*pipeline)
                .bind::<Text, _>(*grain)
                .bind::<Date, _>(*bucket)
                .bind::<BigInt, _>(*count);
        }
        query.execute(conn)?;
    }
    Ok(())
}

/// A condition on activity buckets.
type Condition = Box<dyn BoxableExpression<activity_buckets::table, AnyBackend, SqlType = Bool>>;

/// The account's activity buckets that `rule` counts.
fn counted_by(account: AccountId, rule: &CountingRule) -> Condition {
    let subjects: Vec<&str> = rule.subjects().iter().map(|s| s.as_str()).collect();
    let counted = activity_buckets::account_id
        .eq(account)
        .and(activity_buckets::outcome_id.eq_any(rule.outcomes().iter().map(|o| o.0).collect::<Vec<_>>()))
        .and(activity_buckets::subject_kind.eq_any(subjects));
    match rule.pipeline() {
        Some(pipeline) => Box::new(counted.and(activity_buckets::pipeline_id.eq(pipeline.0))),
        None => Box::new(counted),
    }
}

/// How many activities `rule` counts for each of `users` on local dates [start, end): a
/// few grouped reads of month and day buckets, whatever the history.
pub fn count_by_user(
    conn: &mut AnyConnection,
    account: AccountId,
    users: &[UserId],
    rule: &CountingRule,
    (start, end): (NaiveDate, NaiveDate),
) -> QueryResult<BTreeMap<UserId, i64>> {
    let mut totals: BTreeMap<UserId, i64> = users.iter().map(|u| (*u, 0)).collect();
    if rule.is_empty() {
        return Ok(totals);
    }
    let BucketPlan { months, day_ranges } = bucket_plan::plan(start, end);
    let base = || {
        activity_buckets::table
            .group_by(activity_buckets::user_id)
            .select((activity_buckets::user_id, sql::<BigInt>("CAST(COALESCE(SUM(count), 0) AS BIGINT)")))
            .into_boxed()
            .filter(counted_by(account, rule))
            .filter(activity_buckets::user_id.eq_any(users.iter().map(|u| u.0).collect::<Vec<_>>()))
    };
    let mut add = |rows: Vec<(i64, i64)>| {
        for (user, count) in rows {
            *totals.entry(UserId(user)).or_default() += count;
        }
    };
    if !months.is_empty() {
        add(base()
            .filter(activity_buckets::grain.eq(MONTH))
            .filter(activity_buckets::bucket.eq_any(months))
            .load(conn)?);
    }
    for (from, to) in day_ranges {
        add(base()
            .filter(activity_buckets::grain.eq(DAY))
            .filter(activity_buckets::bucket.ge(from))
            .filter(activity_buckets::bucket.lt(to))
            .load(conn)?);
    }
    Ok(totals)
}

/// How many activities `rule` counts for `users` together on local dates [start, end).
pub fn count(
    conn: &mut AnyConnection,
    account: AccountId,
    users: &[UserId],
    rule: &CountingRule,
    days: (NaiveDate, NaiveDate),
) -> QueryResult<i64> {
    Ok(count_by_user(conn, account, users, rule, days)?.values().sum())
}

/// The account's day and month buckets that `rule` counts, summed per user: (user, grain,
/// bucket, count).
pub fn counted_per_user(
    conn: &mut AnyConnection,
    account: AccountId,
    rule: &CountingRule,
) -> QueryResult<Vec<(i64, String, NaiveDate, i64)>> {
    if rule.is_empty() {
        return Ok(Vec::new());
    }
    activity_buckets::table
        .group_by((activity_buckets::user_id, activity_buckets::grain, activity_buckets::bucket))
        .select((
            activity_buckets::user_id,
            activity_buckets::grain,
            activity_buckets::bucket,
            sql::<BigInt>("CAST(SUM(count) AS BIGINT)"),
        ))
        .into_boxed()
        .filter(counted_by(account, rule))
        .load(conn)
}

/// One activity bucket as stored or recounted.
pub type ActivityBucket = (i64, i64, i64, String, i64, String, NaiveDate);

/// Activities grouped as their buckets group them: account, user, outcome, subject,
/// pipeline, day; and how many.
type ActivityGroup = ((i64, i64, i64, String, Option<i64>, NaiveDate), i64);

#[derive(Queryable)]
struct StoredActivityBucket {
    account: i64,
    user: i64,
    outcome: i64,
    subject: String,
    pipeline: i64,
    grain: String,
    bucket: NaiveDate,
    count: i64,
}

/// The activity buckets recomputed from the activities of one account (or all), how many
/// activities that read, and the buckets as stored.
#[allow(clippy::type_complexity)]
pub fn recounted_and_stored(
    conn: &mut AnyConnection,
    account: Option<AccountId>,
) -> QueryResult<(BTreeMap<ActivityBucket, i64>, i64, BTreeMap<ActivityBucket, i64>)> {
    let group = (
        activities::account_id,
        activities::user_id,
        activities::outcome_id,
        activities::subject_kind,
        activities::pipeline_id,
        activities::occurred_on,
    );
    let mut query =
        activities::table.group_by(group).select((group, sql::<BigInt>("CAST(COUNT(*) AS BIGINT)"))).into_boxed();
    if let Some(account) = account {
        query = query.filter(activities::account_id.eq(account));
    }
    let mut recounted: BTreeMap<ActivityBucket, i64> = BTreeMap::new();
    let mut read = 0;
    for ((account, user, outcome, subject, pipeline, day), count) in query.load::<ActivityGroup>(conn)? {
        read += count;
        let pipeline = pipeline.unwrap_or(NO_PIPELINE);
        for (grain, bucket) in day_and_month(day) {
            let key = (account, user, outcome, subject.clone(), pipeline, grain.to_owned(), bucket);
            *recounted.entry(key).or_default() += count;
        }
    }
    let mut stored = activity_buckets::table
        .select((
            activity_buckets::account_id,
            activity_buckets::user_id,
            activity_buckets::outcome_id,
            activity_buckets::subject_kind,
            activity_buckets::pipeline_id,
            activity_buckets::grain,
            activity_buckets::bucket,
            activity_buckets::count,
        ))
        .into_boxed();
    if let Some(account) = account {
        stored = stored.filter(activity_buckets::account_id.eq(account));
    }
    let stored = stored
        .load::<StoredActivityBucket>(conn)?
        .into_iter()
        .map(|b| ((b.account, b.user, b.outcome, b.subject, b.pipeline, b.grain, b.bucket), b.count))
        .collect();
    Ok((recounted, read, stored))
}
