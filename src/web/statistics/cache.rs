//! The dashboard's region (filters and tables), rendered, kept by account revision and
//! minute. Managers reopen and share the same dashboard far more often than the account
//! changes; a repeated view then costs a lookup instead of some 25 queries and 600 cells.
//! Any committed write to the account bumps its revision (`store::accounts::change`), so a
//! kept region is never older than what its reader's account row says; the pace moves with
//! time, so the minute is part of the key and the figures are reckoned at its start.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::app::statistics::Filters;
use crate::domain::account::Locale;
use crate::domain::ids::{AccountId, UserId};

/// Room for the kept regions, in bytes: about 90 yearly dashboards of 100 reps.
const CAPACITY_BYTES: u64 = 16 * 1024 * 1024;
/// A guess at how many fit, for the cache's sizing.
const ESTIMATED_ENTRIES: usize = 256;

/// What a rendered region depends on.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub account: AccountId,
    pub revision: i64,
    /// Who reads: what they may see follows from their role and teams, which are account
    /// data (a change bumps the revision).
    pub reader: UserId,
    pub locale: Locale,
    pub filters: Filters,
    /// Minutes since the epoch.
    pub minute: i64,
}

impl Key {
    /// The instant the figures of this key are reckoned at: the start of its minute.
    pub fn as_of(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.minute * 60, 0).unwrap_or_default()
    }
}

/// The minute `now` falls in, for `Key::minute`.
pub fn minute_of(now: DateTime<Utc>) -> i64 {
    now.timestamp().div_euclid(60)
}

#[derive(Clone)]
struct Bytes;

impl Weighter<Key, Arc<str>> for Bytes {
    fn weight(&self, _key: &Key, region: &Arc<str>) -> u64 {
        // The key's own few hundred bytes count too.
        region.len() as u64 + 256
    }
}

pub struct Regions(Cache<Key, Arc<str>, Bytes>);

impl Default for Regions {
    fn default() -> Self {
        Self(Cache::with_weighter(ESTIMATED_ENTRIES, CAPACITY_BYTES, Bytes))
    }
}

impl Regions {
    pub fn get(&self, key: &Key) -> Option<Arc<str>> {
        self.0.get(key)
    }

    pub fn insert(&self, key: Key, region: Arc<str>) {
        self.0.insert(key, region);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(revision: i64, minute: i64) -> Key {
        Key {
            account: AccountId(1),
            revision,
            reader: UserId(2),
            locale: Locale::En,
            filters: Filters::default(),
            minute,
        }
    }

    #[test]
    fn a_region_is_found_only_for_its_revision_and_minute() {
        let regions = Regions::default();
        regions.insert(key(1, 100), Arc::from("<div>1</div>"));
        assert_eq!(regions.get(&key(1, 100)).as_deref(), Some("<div>1</div>"));
        assert!(regions.get(&key(2, 100)).is_none(), "a write to the account makes it stale");
        assert!(regions.get(&key(1, 101)).is_none(), "the next minute reckons the pace again");
    }

    #[test]
    fn the_minute_starts_the_reckoning() {
        let now = DateTime::parse_from_rfc3339("2026-11-27T14:03:59Z").map(|t| t.to_utc()).unwrap_or_default();
        let key = key(0, minute_of(now));
        assert_eq!(key.as_of().to_rfc3339(), "2026-11-27T14:03:00+00:00");
    }
}
