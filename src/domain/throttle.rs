//! The sign-in throttle: after too many failures for one e-mail within a window, further
//! attempts wait until the oldest counted failure leaves the window.

use chrono::{Duration, NaiveDateTime};

pub const MAX_FAILURES: usize = 5;

pub fn window() -> Duration {
    Duration::minutes(15)
}

/// How long the e-mail must wait before its next attempt, given its failures (any order)
/// and the current instant; `None` when an attempt is allowed now.
pub fn wait_before_next_attempt(failures: &[NaiveDateTime], now: NaiveDateTime) -> Option<Duration> {
    let mut recent: Vec<NaiveDateTime> = failures.iter().copied().filter(|at| *at > now - window()).collect();
    if recent.len() < MAX_FAILURES {
        return None;
    }
    recent.sort_unstable();
    // The attempt is allowed again once fewer than MAX_FAILURES stay in the window, that is
    // when the failure that makes the count reach the limit (counting back) expires.
    let pivot = recent[recent.len() - MAX_FAILURES];
    Some(pivot + window() - now)
}

/// Whole minutes to tell a person, rounded up so that "1 minute" never means "now".
pub fn minutes_to_wait(wait: Duration) -> i64 {
    (wait.num_seconds() + 59).div_euclid(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(10, minute, 0)).expect("valid instant")
    }

    #[test]
    fn four_failures_leave_the_door_open() {
        let failures = [at(0), at(1), at(2), at(3)];
        assert_eq!(wait_before_next_attempt(&failures, at(4)), None);
    }

    #[test]
    fn five_failures_within_fifteen_minutes_close_it_until_the_first_expires() {
        let failures = [at(0), at(1), at(2), at(3), at(4)];
        assert_eq!(wait_before_next_attempt(&failures, at(5)), Some(Duration::minutes(10)));
        assert_eq!(wait_before_next_attempt(&failures, at(15)), None);
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        let failures = [at(0), at(20), at(21), at(22), at(23)];
        assert_eq!(wait_before_next_attempt(&failures, at(24)), None);
    }

    #[test]
    fn with_more_failures_the_wait_ends_when_the_count_drops_below_the_limit() {
        let failures = [at(9), at(1), at(2), at(3), at(4), at(5)];
        // At 16 the failure at 1 has left the window; 2, 3, 4, 5 and 9 remain: wait until 2 leaves.
        assert_eq!(wait_before_next_attempt(&failures, at(16)), Some(Duration::minutes(1)));
    }

    #[test]
    fn waits_are_told_in_whole_minutes_rounded_up() {
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::seconds(1)), 1);
        assert_eq!(minutes_to_wait(Duration::minutes(10)), 10);
    }
}
