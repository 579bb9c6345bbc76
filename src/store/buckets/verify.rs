//! Every bucket recomputed from the raw rows and compared with what is stored: the check
//! behind `cargo run -- verify` and the tests.

use std::collections::BTreeMap;

use diesel::QueryResult;

use super::{activity, objective, won};
use crate::db::AnyConnection;
use crate::domain::ids::AccountId;

/// The outcome of recomputing every bucket from the raw rows.
#[derive(Debug, Default)]
pub struct Verification {
    pub activities: i64,
    pub won_leads: i64,
    /// One line per bucket whose stored total differs from the recomputed one.
    pub differences: Vec<String>,
}

/// Recomputes the buckets of one account (or all) and lists every difference.
pub fn verify(conn: &mut AnyConnection, account: Option<AccountId>) -> QueryResult<Verification> {
    let mut verification = Verification::default();
    let (recounted, read, stored) = activity::recounted_and_stored(conn, account)?;
    verification.activities = read;
    compare(&recounted, &stored, "activities", &mut verification.differences);
    let (recounted, read, stored) = won::recounted_and_stored(conn, account)?;
    verification.won_leads = read;
    compare(&recounted, &stored, "won", &mut verification.differences);
    let (recounted, stored) = objective::recounted_and_stored(conn, account)?;
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
