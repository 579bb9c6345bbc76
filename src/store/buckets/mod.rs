//! Period buckets: running totals per local day and month (and year, for objectives),
//! updated in the same transaction as every activity and win, so that a statistic reads a
//! few dozen rows whatever the size of the history. `verify` recomputes them from the raw
//! rows.
//!
//! An activity counts in two places: the activity buckets (by result, subject, pipeline)
//! and the buckets of every objective whose rule counts it; `add_activities` writes both.

mod activity;
mod objective;
mod statement;
mod verify;
mod won;

pub use activity::{ActivityKey, count as count_activities};
pub use objective::{count_by_user as count_for_objective, rebuild as rebuild_objective};
pub use verify::{Verification, verify};
pub use won::{Win, replace_win, won_totals, won_totals_by_user};

use diesel::QueryResult;

use crate::db::AnyConnection;

/// Adds `delta` activities (negative to remove) to the buckets of `key`.
pub fn add_activity(conn: &mut AnyConnection, key: &ActivityKey, delta: i64) -> QueryResult<()> {
    add_activities(conn, &[(*key, delta)])
}

/// Adds many counts at once (imports): keys are merged per bucket, then written in
/// multi-row statements, to the activity buckets and to the buckets of the objectives that
/// count them.
pub fn add_activities(conn: &mut AnyConnection, counts: &[(ActivityKey, i64)]) -> QueryResult<()> {
    objective::add(conn, counts)?;
    activity::add(conn, counts)
}
