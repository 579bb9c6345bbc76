//! Objective buckets: running totals per activity objective, user and local day, month and
//! year. An objective's figures read them alone: one row for a user's year, a few for a
//! quarter or a week, however dense the history. `activity_buckets` stay the source they
//! are rebuilt and verified from (year buckets from the month buckets).

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::activity::{self, ActivityKey};
use super::statement::{
    MONTH, ROWS_PER_STATEMENT, YEAR, day_month_and_year, grain_named, placeholders, ranges_with_years,
};
use crate::db::schema::objective_buckets;
use crate::db::{AnyBackend, AnyConnection, Backend};
use crate::domain::bucket_plan;
use crate::domain::counting::CountingRule;
use crate::domain::ids::{AccountId, ObjectiveId, OutcomeId, UserId};
use crate::store::counting_rules::{self, RulesOf};

const COLUMNS: &str = "INSERT INTO objective_buckets (account_id, objective_id, user_id, grain, bucket, count) VALUES ";
const CONFLICT: &str = " ON CONFLICT (objective_id, grain, bucket, user_id) DO UPDATE SET count = objective_buckets.count + excluded.count";

/// An account's counting rules, and which objectives count each result.
struct Rules {
    rules: BTreeMap<ObjectiveId, CountingRule>,
    by_outcome: HashMap<OutcomeId, Vec<ObjectiveId>>,
}

impl Rules {
    fn of(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Self> {
        let rules: BTreeMap<ObjectiveId, CountingRule> =
            counting_rules::load(conn, RulesOf::Account(account))?.into_iter().map(|(o, r)| (o, r.rule)).collect();
        let mut by_outcome: HashMap<OutcomeId, Vec<ObjectiveId>> = HashMap::new();
        for (objective, rule) in &rules {
            for outcome in rule.outcomes() {
                by_outcome.entry(*outcome).or_default().push(*objective);
            }
        }
        Ok(Self { rules, by_outcome })
    }

    /// The objectives that count the activity.
    fn counting(&self, key: &ActivityKey) -> impl Iterator<Item = ObjectiveId> + '_ {
        let countable = key.countable();
        let candidates = self.by_outcome.get(&key.outcome).map_or(&[][..], Vec::as_slice);
        candidates.iter().copied().filter(move |o| self.rules.get(o).is_some_and(|rule| rule.counts(&countable)))
    }
}

/// One objective bucket: account, objective, user, grain, bucket.
type BucketRow = (i64, i64, i64, &'static str, NaiveDate);

/// Adds the activity counts (negative to remove) to the buckets of every objective that
/// counts them, in the caller's transaction.
pub fn add(conn: &mut AnyConnection, counts: &[(ActivityKey, i64)]) -> QueryResult<()> {
    let mut rules_of: BTreeMap<AccountId, Rules> = BTreeMap::new();
    let mut merged: BTreeMap<BucketRow, i64> = BTreeMap::new();
    for (key, delta) in counts {
        let rules = match rules_of.entry(key.account) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => new.insert(Rules::of(conn, key.account)?),
        };
        for objective in rules.counting(key) {
            for (grain, bucket) in day_month_and_year(key.day) {
                *merged.entry((key.account.0, objective.0, key.user.0, grain, bucket)).or_default() += delta;
            }
        }
    }
    upsert(conn, merged)
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

/// An objective's bucket for one user: user, grain, bucket.
type UserBucket = (i64, &'static str, NaiveDate);

/// The objective's buckets recounted from the activity buckets its rule counts, years
/// adding up their months.
fn recount(
    conn: &mut AnyConnection,
    account: AccountId,
    rule: &CountingRule,
) -> QueryResult<BTreeMap<UserBucket, i64>> {
    let mut buckets: BTreeMap<UserBucket, i64> = BTreeMap::new();
    for (user, grain, bucket, count) in activity::counted_per_user(conn, account, rule)? {
        let Some(grain) = grain_named(&grain) else { continue };
        if grain == MONTH {
            *buckets.entry((user, YEAR, bucket_plan::year_start(bucket))).or_default() += count;
        }
        *buckets.entry((user, grain, bucket)).or_default() += count;
    }
    Ok(buckets)
}

/// Recounts one objective's buckets from the activity buckets, after its definition (action,
/// results, subjects, pipeline) changed.
pub fn rebuild(conn: &mut AnyConnection, account: AccountId, objective: ObjectiveId) -> QueryResult<()> {
    diesel::delete(objective_buckets::table.filter(objective_buckets::objective_id.eq(objective.0))).execute(conn)?;
    let Some(counted) = counting_rules::load(conn, RulesOf::Objective(objective))?.remove(&objective) else {
        return Ok(());
    };
    let rows = recount(conn, account, &counted.rule)?
        .into_iter()
        .map(|((user, grain, bucket), count)| ((account.0, objective.0, user, grain, bucket), count))
        .collect();
    upsert(conn, rows)
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
    let mut totals: BTreeMap<UserId, i64> = users.iter().map(|u| (*u, 0)).collect();
    for (grain, first, last) in ranges_with_years(start, end) {
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

/// The objective buckets of one account (or all) recounted from the activity buckets, and
/// as stored.
#[allow(clippy::type_complexity)]
pub fn recounted_and_stored(
    conn: &mut AnyConnection,
    account: Option<AccountId>,
) -> QueryResult<(BTreeMap<VerifiedBucket, i64>, BTreeMap<VerifiedBucket, i64>)> {
    let rules = counting_rules::load(conn, account.map_or(RulesOf::Everyone, RulesOf::Account))?;
    let mut recounted: BTreeMap<VerifiedBucket, i64> = BTreeMap::new();
    for (objective, counted) in rules {
        for ((user, grain, bucket), count) in recount(conn, counted.account, &counted.rule)? {
            recounted.insert((objective.0, user, grain.to_owned(), bucket), count);
        }
    }
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
    Ok((recounted, stored.into_iter().map(|(o, u, g, b, c)| ((o, u, g, b), c)).collect()))
}
