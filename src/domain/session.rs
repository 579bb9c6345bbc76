//! How long a signed-in session lives: it ends after `idle` without a request, and at the
//! latest `lifetime` after sign-in, whatever happens in between.

use chrono::{Duration, NaiveDateTime};

/// A session's last use is written down at most this often: an exact idle time is not
/// worth a database write per request.
const TOUCH_EVERY_SECONDS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub lifetime: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self { idle: Duration::hours(2), lifetime: Duration::hours(12) }
    }
}

impl SessionPolicy {
    /// Whether a session begun at `created` and last used at `last_seen` is alive at `now`.
    pub fn is_alive(&self, created: NaiveDateTime, last_seen: NaiveDateTime, now: NaiveDateTime) -> bool {
        // The recorded last use may lag by up to a touch interval: the idle time counts
        // from it, so a session may outlive its idle limit by at most that interval.
        now - created < self.lifetime && now - last_seen < self.idle
    }

    /// Whether `now`'s use of the session should be written down.
    pub fn needs_touch(&self, last_seen: NaiveDateTime, now: NaiveDateTime) -> bool {
        now - last_seen >= Duration::seconds(TOUCH_EVERY_SECONDS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1).and_then(|d| d.and_hms_opt(hour, minute, 0)).expect("valid")
    }

    #[test]
    fn a_session_ends_after_two_idle_hours() {
        let policy = SessionPolicy::default();
        assert!(policy.is_alive(at(8, 0), at(9, 0), at(10, 59)));
        assert!(!policy.is_alive(at(8, 0), at(9, 0), at(11, 0)));
    }

    #[test]
    fn a_session_used_all_day_ends_twelve_hours_after_sign_in() {
        let policy = SessionPolicy::default();
        assert!(policy.is_alive(at(8, 0), at(19, 58), at(19, 59)));
        assert!(!policy.is_alive(at(8, 0), at(19, 59), at(20, 0)));
    }

    #[test]
    fn its_use_is_written_down_once_a_minute() {
        let policy = SessionPolicy::default();
        assert!(!policy.needs_touch(at(9, 0), at(9, 0)));
        assert!(policy.needs_touch(at(9, 0), at(9, 1)));
    }
}
