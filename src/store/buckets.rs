//! Period buckets: running totals per local day and per local month, updated in the same
//! transaction as every activity and win, so that a statistic reads a few dozen rows
//! whatever the size of the history. `verify` recomputes them from the raw rows.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::objective_buckets;
use crate::db::schema::{activities, activity_buckets, leads, won_buckets};
use crate::db::{AnyBackend, AnyConnection, Backend};
use crate::domain::bucket_plan::{self, BucketPlan};
use crate::domain::ids::{AccountId, OutcomeId, PipelineId, UserId};
use crate::domain::recording::SubjectKind;

pub(super) const DAY: &str = "day";
pub(super) const MONTH: &str = "month";
/// The pipeline of activities that have none (those on prospects).
const NO_PIPELINE: i64 = 0;

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

/// What one won lead credits: its amount, to the user who owned it when won, in its
/// pipeline, on its local closing date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Win {
    pub account: AccountId,
    pub user: UserId,
    pub pipeline: PipelineId,
    pub day: NaiveDate,
    pub cents: i64,
}

// Both backends accept `$n` placeholders and `ON CONFLICT ... DO UPDATE`: one statement
// adds to many buckets, creating the missing ones, without a read-then-write race.
const ACTIVITY_COLUMNS: &str = "INSERT INTO activity_buckets \
     (account_id, user_id, outcome_id, subject_kind, pipeline_id, grain, bucket, count) VALUES ";
const ACTIVITY_CONFLICT: &str = " ON CONFLICT (account_id, user_id, grain, bucket, outcome_id, subject_kind, pipeline_id) \
     DO UPDATE SET count = activity_buckets.count + excluded.count";
const WON_COLUMNS: &str = "INSERT INTO won_buckets \
     (account_id, user_id, pipeline_id, grain, bucket, revenue_cents, won_count) VALUES ";
const WON_CONFLICT: &str = " ON CONFLICT (account_id, user_id, grain, bucket, pipeline_id) \
     DO UPDATE SET revenue_cents = won_buckets.revenue_cents + excluded.revenue_cents, \
                   won_count = won_buckets.won_count + excluded.won_count";
/// Rows per statement: far below both backends' limits on bound values.
pub(super) const ROWS_PER_STATEMENT: usize = 500;

/// `VALUES` placeholders for `rows` rows of `columns` values: `($1, $2), ($3, $4)` for
/// PostgreSQL, `(?, ?), (?, ?)` for SQLite, which reads `$1` as a parameter *name* and looks
/// each one up among those before it: quadratic in a statement of thousands of values.
pub(super) fn placeholders(backend: Backend, rows: usize, columns: usize) -> String {
    let numbered = backend == Backend::Postgres;
    let mut sql = String::with_capacity(rows * columns * 5);
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            if numbered {
                sql.push('$');
                sql.push_str(&(row * columns + column + 1).to_string());
            } else {
                sql.push('?');
            }
        }
        sql.push(')');
    }
    sql
}

/// Adds `delta` activities (negative to remove) to the day and month buckets of `key`.
pub fn add_activity(conn: &mut AnyConnection, key: &ActivityKey, delta: i64) -> QueryResult<()> {
    add_activities(conn, &[(*key, delta)])
}

/// One activity bucket's key: account, user, outcome, subject, pipeline, grain, bucket.
type BucketRow = (i64, i64, i64, &'static str, i64, &'static str, NaiveDate);

/// Adds many counts at once (imports): keys are merged per bucket, then written in
/// multi-row statements, to the activity buckets and to the buckets of the objectives that
/// count them.
pub fn add_activities(conn: &mut AnyConnection, counts: &[(ActivityKey, i64)]) -> QueryResult<()> {
    objective_buckets::add_activities(conn, counts)?;
    let mut merged: BTreeMap<BucketRow, i64> = BTreeMap::new();
    for (key, delta) in counts {
        for (grain, bucket) in [(DAY, key.day), (MONTH, bucket_plan::month_start(key.day))] {
            let pipeline = key.pipeline.map_or(NO_PIPELINE, |p| p.0);
            let id = (key.account.0, key.user.0, key.outcome.0, key.subject.as_str(), pipeline, grain, bucket);
            *merged.entry(id).or_default() += delta;
        }
    }
    let rows: Vec<_> = merged.into_iter().collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!("{ACTIVITY_COLUMNS}{}{ACTIVITY_CONFLICT}", placeholders(Backend::of(conn), chunk.len(), 8));
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

/// Adds a win (`sign` 1) or takes it back (`sign` -1).
pub fn add_win(conn: &mut AnyConnection, win: &Win, sign: i64) -> QueryResult<()> {
    let sql = format!("{WON_COLUMNS}{}{WON_CONFLICT}", placeholders(Backend::of(conn), 2, 7));
    let mut query = diesel::sql_query(sql).into_boxed::<AnyBackend>();
    for (grain, bucket) in [(DAY, win.day), (MONTH, bucket_plan::month_start(win.day))] {
        query = query
            .bind::<BigInt, _>(win.account.0)
            .bind::<BigInt, _>(win.user.0)
            .bind::<BigInt, _>(win.pipeline.0)
            .bind::<Text, _>(grain)
            .bind::<Date, _>(bucket)
            .bind::<BigInt, _>(sign * win.cents)
            .bind::<BigInt, _>(sign);
    }
    query.execute(conn).map(drop)
}

/// Replaces the win `before` by `after` (either may be absent), touching nothing when
/// they are the same.
pub fn replace_win(conn: &mut AnyConnection, before: Option<Win>, after: Option<Win>) -> QueryResult<()> {
    if before == after {
        return Ok(());
    }
    if let Some(before) = before {
        add_win(conn, &before, -1)?;
    }
    if let Some(after) = after {
        add_win(conn, &after, 1)?;
    }
    Ok(())
}

/// Which activities a count takes in.
#[derive(Debug, Clone)]
pub struct ActivityScope<'a> {
    pub account: AccountId,
    pub users: &'a [UserId],
    pub outcomes: &'a [OutcomeId],
    pub subjects: &'a [SubjectKind],
    /// One pipeline, or all (`None`). Activities on prospects belong to no pipeline.
    pub pipeline: Option<PipelineId>,
}

/// How many activities of `scope` each of its users did on local dates [start, end): a few
/// grouped reads of month and day buckets, whatever the history.
pub fn count_activities_by_user(
    conn: &mut AnyConnection,
    scope: &ActivityScope,
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<BTreeMap<UserId, i64>> {
    let BucketPlan { months, day_ranges } = bucket_plan::plan(start, end);
    let subjects: Vec<&str> = scope.subjects.iter().map(|s| s.as_str()).collect();
    let base = || {
        let mut query = activity_buckets::table
            .filter(activity_buckets::account_id.eq(scope.account))
            .filter(activity_buckets::user_id.eq_any(scope.users.iter().map(|u| u.0).collect::<Vec<_>>()))
            .filter(activity_buckets::outcome_id.eq_any(scope.outcomes.iter().map(|o| o.0).collect::<Vec<_>>()))
            .filter(activity_buckets::subject_kind.eq_any(subjects.clone()))
            .group_by(activity_buckets::user_id)
            .select((activity_buckets::user_id, sql::<BigInt>("CAST(COALESCE(SUM(count), 0) AS BIGINT)")))
            .into_boxed();
        if let Some(pipeline) = scope.pipeline {
            query = query.filter(activity_buckets::pipeline_id.eq(pipeline.0));
        }
        query
    };
    let mut totals: BTreeMap<UserId, i64> = scope.users.iter().map(|u| (*u, 0)).collect();
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

/// How many activities of `scope` its users did, together, on local dates [start, end).
pub fn count_activities(
    conn: &mut AnyConnection,
    scope: &ActivityScope,
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<i64> {
    Ok(count_activities_by_user(conn, scope, start, end)?.values().sum())
}

/// Won revenue (cents) and won count of each of `users` over local dates [start, end), in
/// one pipeline or all.
pub fn won_totals_by_user(
    conn: &mut AnyConnection,
    account: AccountId,
    users: &[UserId],
    pipeline: Option<PipelineId>,
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<BTreeMap<UserId, (i64, i64)>> {
    let BucketPlan { months, day_ranges } = bucket_plan::plan(start, end);
    let base = || {
        let mut query = won_buckets::table
            .filter(won_buckets::account_id.eq(account))
            .filter(won_buckets::user_id.eq_any(users.iter().map(|u| u.0).collect::<Vec<_>>()))
            .group_by(won_buckets::user_id)
            .select((
                won_buckets::user_id,
                sql::<BigInt>("CAST(COALESCE(SUM(revenue_cents), 0) AS BIGINT)"),
                sql::<BigInt>("CAST(COALESCE(SUM(won_count), 0) AS BIGINT)"),
            ))
            .into_boxed();
        if let Some(pipeline) = pipeline {
            query = query.filter(won_buckets::pipeline_id.eq(pipeline.0));
        }
        query
    };
    let mut totals: BTreeMap<UserId, (i64, i64)> = users.iter().map(|u| (*u, (0, 0))).collect();
    let mut add = |rows: Vec<(i64, i64, i64)>| {
        for (user, cents, count) in rows {
            let entry = totals.entry(UserId(user)).or_default();
            entry.0 += cents;
            entry.1 += count;
        }
    };
    if !months.is_empty() {
        add(base().filter(won_buckets::grain.eq(MONTH)).filter(won_buckets::bucket.eq_any(months)).load(conn)?);
    }
    for (from, to) in day_ranges {
        add(base()
            .filter(won_buckets::grain.eq(DAY))
            .filter(won_buckets::bucket.ge(from))
            .filter(won_buckets::bucket.lt(to))
            .load(conn)?);
    }
    Ok(totals)
}

/// Won revenue (cents) and won count of one user over local dates [start, end).
pub fn won_totals(
    conn: &mut AnyConnection,
    account: AccountId,
    user: UserId,
    pipeline: Option<PipelineId>,
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<(i64, i64)> {
    Ok(won_totals_by_user(conn, account, &[user], pipeline, start, end)?.remove(&user).unwrap_or_default())
}

/// The outcome of recomputing every bucket from the raw rows.
#[derive(Debug, Default)]
pub struct Verification {
    pub activities: i64,
    pub won_leads: i64,
    /// One line per bucket whose stored total differs from the recomputed one.
    pub differences: Vec<String>,
}

type ActivityBucket = (i64, i64, i64, String, i64, String, NaiveDate);
type WonBucket = (i64, i64, i64, String, NaiveDate);

/// Activities grouped as their buckets group them.
#[derive(Queryable)]
struct ActivityGroup {
    account: i64,
    user: i64,
    outcome: i64,
    subject: String,
    pipeline: Option<i64>,
    day: NaiveDate,
    count: i64,
}

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

/// A won lead, as its win credits it.
#[derive(Queryable)]
struct WonLead {
    account: i64,
    user: Option<i64>,
    pipeline: i64,
    day: Option<NaiveDate>,
    cents: Option<i64>,
}

#[derive(Queryable)]
struct StoredWonBucket {
    account: i64,
    user: i64,
    pipeline: i64,
    grain: String,
    bucket: NaiveDate,
    cents: i64,
    count: i64,
}

/// Recomputes the buckets of one account (or all) and lists every difference.
pub fn verify(conn: &mut AnyConnection, account: Option<AccountId>) -> QueryResult<Verification> {
    let mut expected_activities: BTreeMap<ActivityBucket, i64> = BTreeMap::new();
    let mut query = activities::table
        .group_by((
            activities::account_id,
            activities::user_id,
            activities::outcome_id,
            activities::subject_kind,
            activities::pipeline_id,
            activities::occurred_on,
        ))
        .select((
            activities::account_id,
            activities::user_id,
            activities::outcome_id,
            activities::subject_kind,
            activities::pipeline_id,
            activities::occurred_on,
            sql::<BigInt>("CAST(COUNT(*) AS BIGINT)"),
        ))
        .into_boxed();
    if let Some(account) = account {
        query = query.filter(activities::account_id.eq(account));
    }
    let mut verification = Verification::default();
    for group in query.load::<ActivityGroup>(conn)? {
        verification.activities += group.count;
        let pipeline = group.pipeline.unwrap_or(NO_PIPELINE);
        for (grain, bucket) in [(DAY, group.day), (MONTH, bucket_plan::month_start(group.day))] {
            let key =
                (group.account, group.user, group.outcome, group.subject.clone(), pipeline, grain.to_owned(), bucket);
            *expected_activities.entry(key).or_default() += group.count;
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
    let stored: BTreeMap<ActivityBucket, i64> = stored
        .load::<StoredActivityBucket>(conn)?
        .into_iter()
        .map(|b| ((b.account, b.user, b.outcome, b.subject, b.pipeline, b.grain, b.bucket), b.count))
        .collect();
    compare(&expected_activities, &stored, "activities", &mut verification.differences);

    let mut won = leads::table
        .filter(leads::status.eq("won"))
        .select((leads::account_id, leads::won_by_id, leads::pipeline_id, leads::closed_on, leads::amount_cents))
        .into_boxed();
    if let Some(account) = account {
        won = won.filter(leads::account_id.eq(account));
    }
    let mut expected_won: BTreeMap<WonBucket, (i64, i64)> = BTreeMap::new();
    for lead in won.load::<WonLead>(conn)? {
        verification.won_leads += 1;
        // The database's CHECK guarantees a won lead has all three.
        let (Some(user), Some(day), Some(cents)) = (lead.user, lead.day, lead.cents) else { continue };
        for (grain, bucket) in [(DAY, day), (MONTH, bucket_plan::month_start(day))] {
            let entry = expected_won.entry((lead.account, user, lead.pipeline, grain.to_owned(), bucket)).or_default();
            entry.0 += cents;
            entry.1 += 1;
        }
    }
    let mut stored = won_buckets::table
        .select((
            won_buckets::account_id,
            won_buckets::user_id,
            won_buckets::pipeline_id,
            won_buckets::grain,
            won_buckets::bucket,
            won_buckets::revenue_cents,
            won_buckets::won_count,
        ))
        .into_boxed();
    if let Some(account) = account {
        stored = stored.filter(won_buckets::account_id.eq(account));
    }
    let stored: BTreeMap<WonBucket, (i64, i64)> = stored
        .load::<StoredWonBucket>(conn)?
        .into_iter()
        .map(|b| ((b.account, b.user, b.pipeline, b.grain, b.bucket), (b.cents, b.count)))
        .collect();
    compare(&expected_won, &stored, "won", &mut verification.differences);

    let (recounted, stored) = objective_buckets::recounted_and_stored(conn, account)?;
    compare(&recounted, &stored, "objective", &mut verification.differences);
    Ok(verification)
}

/// Lists the keys whose values differ, a missing bucket counting as zero.
fn compare<K: Ord + std::fmt::Debug, V: Default + PartialEq + std::fmt::Debug + Copy>(
    expected: &BTreeMap<K, V>,
    stored: &BTreeMap<K, V>,
    what: &str,
    differences: &mut Vec<String>,
) {
    let zero = V::default();
    for (key, want) in expected {
        let have = stored.get(key).copied().unwrap_or(zero);
        if have != *want {
            differences.push(format!("{what} bucket {key:?}: stored {have:?}, recomputed {want:?}"));
        }
    }
    for (key, have) in stored {
        if !expected.contains_key(key) && *have != zero {
            differences.push(format!("{what} bucket {key:?}: stored {have:?}, recomputed {zero:?}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;
    use crate::db::Backend;

    #[test]
    fn placeholders_number_every_value_once_in_order_for_postgresql() {
        assert_eq!(placeholders(Backend::Postgres, 2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(placeholders(Backend::Postgres, 1, 1), "($1)");
    }

    #[test]
    fn placeholders_are_positional_for_sqlite() {
        assert_eq!(placeholders(Backend::Sqlite, 2, 3), "(?, ?, ?), (?, ?, ?)");
    }
}
