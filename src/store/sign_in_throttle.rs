//! The sign-in throttle's counters, one row per key (a pair of e-mail and client address,
//! or a client address), read under the row's lock so that parallel attempts take turns.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};

use crate::db::AnyConnection;
use crate::db::schema::sign_in_throttle;
use crate::domain::throttle::Counter;

/// The counter of `key`, created empty when missing, locked until the transaction ends
/// (PostgreSQL's row lock; SQLite's write transaction already excludes everyone else).
pub fn lock(conn: &mut AnyConnection, key: &str, now: NaiveDateTime) -> QueryResult<Counter> {
    diesel::sql_query(
        "INSERT INTO sign_in_throttle (key, failures, window_start) VALUES ($1, 0, $2) ON CONFLICT (key) DO NOTHING",
    )
    .bind::<Text, _>(key)
    .bind::<Timestamp, _>(now)
    .execute(conn)?;
    let row = sign_in_throttle::table.filter(sign_in_throttle::key.eq(key));
    diesel::update(row).set(sign_in_throttle::failures.eq(sign_in_throttle::failures)).execute(conn)?;
    let (failures, window_start, blocked_until): (i32, NaiveDateTime, Option<NaiveDateTime>) = row
        .select((sign_in_throttle::failures, sign_in_throttle::window_start, sign_in_throttle::blocked_until))
        .get_result(conn)?;
    Ok(Counter { failures: u32::try_from(failures).unwrap_or(0), window_start, blocked_until })
}

pub fn save(conn: &mut AnyConnection, key: &str, counter: &Counter) -> QueryResult<()> {
    diesel::update(sign_in_throttle::table.filter(sign_in_throttle::key.eq(key)))
        .set((
            sign_in_throttle::failures.eq(i32::try_from(counter.failures).unwrap_or(i32::MAX)),
            sign_in_throttle::window_start.eq(counter.window_start),
            sign_in_throttle::blocked_until.eq(counter.blocked_until),
        ))
        .execute(conn)
        .map(drop)
}

/// Forgets the counters whose window began before `before` and that hold no wait at `now`.
pub fn forget_old(conn: &mut AnyConnection, before: NaiveDateTime, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        sign_in_throttle::table
            .filter(sign_in_throttle::window_start.lt(before))
            .filter(sign_in_throttle::blocked_until.is_null().or(sign_in_throttle::blocked_until.lt(now))),
    )
    .execute(conn)
}
