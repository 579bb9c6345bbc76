//! Won buckets: revenue and number of won leads per user, pipeline and local day, month and year,
//! credited to who won each lead on its local closing date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use super::statement::{day_month_and_year, placeholders, ranges_with_years};
use crate::db::schema::{leads, won_buckets};
use crate::db::{AnyBackend, AnyConnection, Backend};
use crate::domain::ids::{AccountId, PipelineId, UserId};

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

const COLUMNS: &str = "INSERT INTO won_buckets \
     (account_id, user_id, pipeline_id, grain, bucket, revenue_cents, won_count) VALUES ";
const CONFLICT: &str = " ON CONFLICT (account_id, grain, bucket, user_id, pipeline_id) \
     DO UPDATE SET revenue_cents = won_buckets.revenue_cents + excluded.revenue_cents, \
                   won_count = won_buckets.won_count + excluded.won_count";

/// Adds a win (`sign` 1) or takes it back (`sign` -1).
fn add(conn: &mut AnyConnection, win: &Win, sign: i64) -> QueryResult<()> {
    let sql = format!("{COLUMNS}{}{CONFLICT}", placeholders(Backend::of(conn), 3, 7));
    let mut query = diesel::sql_query(sql).into_boxed::<AnyBackend>();
    for (grain, bucket) in day_month_and_year(win.day) {
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
        add(conn, &before, -1)?;
    }
    if let Some(after) = after {
        add(conn, &after, 1)?;
    }
    Ok(())
}

/// Won revenue (cents) and won count of each of `users` over local dates [start, end), in
/// one pipeline or all: year buckets for the whole years, month buckets for the whole
/// months left, day buckets for the edges.
///
/// Each read is one range of the key (account, grain, bucket) covering every user of the
/// account, or one user's rows of it, summed here: no list of values in the SQL, so each
/// statement is prepared once per connection.
pub fn won_totals_by_user(
    conn: &mut AnyConnection,
    account: AccountId,
    users: &[UserId],
    pipeline: Option<PipelineId>,
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<BTreeMap<UserId, (i64, i64)>> {
    if users.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut totals: BTreeMap<UserId, (i64, i64)> = users.iter().map(|u| (*u, (0, 0))).collect();
    for (grain, first, last) in ranges_with_years(start, end) {
        let mut query = won_buckets::table
            .filter(won_buckets::account_id.eq(account.0))
            .filter(won_buckets::grain.eq(grain))
            .filter(won_buckets::bucket.ge(first))
            .filter(won_buckets::bucket.le(last))
            .select((won_buckets::user_id, won_buckets::revenue_cents, won_buckets::won_count))
            .into_boxed();
        if let [user] = users {
            query = query.filter(won_buckets::user_id.eq(user.0));
        }
        if let Some(pipeline) = pipeline {
            query = query.filter(won_buckets::pipeline_id.eq(pipeline.0));
        }
        for (user, cents, count) in query.load::<(i64, i64, i64)>(conn)? {
            if let Some(total) = totals.get_mut(&UserId(user)) {
                total.0 += cents;
                total.1 += count;
            }
        }
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

/// One won bucket: account, user, pipeline, grain, bucket.
pub type WonBucket = (i64, i64, i64, String, NaiveDate);

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

/// The won buckets (revenue, count) recomputed from the won leads of one account (or all),
/// how many leads that read, and the buckets as stored.
#[allow(clippy::type_complexity)]
pub fn recounted_and_stored(
    conn: &mut AnyConnection,
    account: Option<AccountId>,
) -> QueryResult<(BTreeMap<WonBucket, (i64, i64)>, i64, BTreeMap<WonBucket, (i64, i64)>)> {
    let mut won = leads::table
        .filter(leads::status.eq("won"))
        .select((leads::account_id, leads::won_by_id, leads::pipeline_id, leads::closed_on, leads::amount_cents))
        .into_boxed();
    if let Some(account) = account {
        won = won.filter(leads::account_id.eq(account));
    }
    let mut recounted: BTreeMap<WonBucket, (i64, i64)> = BTreeMap::new();
    let mut read = 0;
    for lead in won.load::<WonLead>(conn)? {
        read += 1;
        // The database's CHECK guarantees a won lead has all three.
        let (Some(user), Some(day), Some(cents)) = (lead.user, lead.day, lead.cents) else { continue };
        for (grain, bucket) in day_month_and_year(day) {
            let entry = recounted.entry((lead.account, user, lead.pipeline, grain.to_owned(), bucket)).or_default();
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
    let stored = stored
        .load::<StoredWonBucket>(conn)?
        .into_iter()
        .map(|b| ((b.account, b.user, b.pipeline, b.grain, b.bucket), (b.cents, b.count)))
        .collect();
    Ok((recounted, read, stored))
}
