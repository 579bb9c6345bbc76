//! The sign-in throttle. Failures are counted per (e-mail, client address), with a wait
//! that doubles from the fifth failure on, so that a guesser slows down while the owner,
//! from their own address, can always sign in; and per client address across e-mails,
//! so that one source cannot spray a password over many accounts. An attempt is counted
//! as a failure before its password is checked (and given back when it succeeds), so that
//! parallel guesses are counted exactly.

use chrono::{Duration, NaiveDateTime};

/// Failures of one (e-mail, client) pair before the first wait.
pub const FREE_FAILURES: u32 = 5;
/// Failures of one client, across e-mails, within a window.
pub const CLIENT_FAILURES: u32 = 30;

/// Failures are forgotten a window after the first one of them, once no wait is running.
pub fn window() -> Duration {
    Duration::minutes(15)
}

/// The first wait, after the fifth failure of a pair; each further failure doubles it.
fn first_wait() -> Duration {
    Duration::seconds(30)
}

/// What a counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One e-mail from one client address.
    Pair,
    /// One client address, whatever the e-mail.
    Client,
}

/// The failures of one key lately, and until when it must wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    pub failures: u32,
    pub window_start: NaiveDateTime,
    pub blocked_until: Option<NaiveDateTime>,
}

impl Counter {
    pub fn fresh(now: NaiveDateTime) -> Self {
        Self { failures: 0, window_start: now, blocked_until: None }
    }

    /// The counter as it stands at `now`: a window past with no wait running starts over.
    pub fn current(self, now: NaiveDateTime) -> Self {
        let waiting = self.blocked_until.is_some_and(|until| until > now);
        if !waiting && now >= self.window_start + window() { Self::fresh(now) } else { self }
    }

    /// How long an attempt at `now` must wait, if at all.
    pub fn wait(&self, now: NaiveDateTime) -> Option<Duration> {
        self.blocked_until.filter(|until| *until > now).map(|until| until - now)
    }

    /// One more failure at `now`, and the wait it brings.
    pub fn failed(self, scope: Scope, now: NaiveDateTime) -> Self {
        let failures = self.failures + 1;
        Self { failures, blocked_until: blocked_until(scope, failures, self.window_start, now), ..self }
    }

    /// An attempt counted as a failure turned out right: it is given back (for a pair, the
    /// slate is wiped).
    pub fn succeeded(self, scope: Scope, now: NaiveDateTime) -> Self {
        match scope {
            Scope::Pair => Self::fresh(now),
            Scope::Client => {
                let failures = self.failures.saturating_sub(1);
                Self { failures, blocked_until: blocked_until(scope, failures, self.window_start, now), ..self }
            }
        }
    }
}

fn blocked_until(
    scope: Scope,
    failures: u32,
    window_start: NaiveDateTime,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    match scope {
        Scope::Pair if failures >= FREE_FAILURES => {
            let doublings = (failures - FREE_FAILURES).min(10);
            Some(now + (first_wait() * 2i32.pow(doublings)).min(window()))
        }
        Scope::Client if failures >= CLIENT_FAILURES => Some(window_start + window()),
        _ => None,
    }
}

/// Whole minutes to tell a person, rounded up so that "1 minute" never means "now".
pub fn minutes_to_wait(wait: Duration) -> i64 {
    (wait.num_seconds() + 59).div_euclid(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(minute: u32, second: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1).and_then(|d| d.and_hms_opt(10, minute, second)).expect("valid")
    }

    fn fail(mut counter: Counter, scope: Scope, times: u32, now: NaiveDateTime) -> Counter {
        for _ in 0..times {
            counter = counter.current(now).failed(scope, now);
        }
        counter
    }

    #[test]
    fn four_failures_of_a_pair_cost_no_wait_the_fifth_thirty_seconds() {
        let four = fail(Counter::fresh(at(0, 0)), Scope::Pair, 4, at(0, 0));
        assert_eq!(four.wait(at(0, 0)), None);
        let five = four.failed(Scope::Pair, at(0, 0));
        assert_eq!(five.wait(at(0, 0)), Some(Duration::seconds(30)));
        assert_eq!(five.wait(at(0, 30)), None);
    }

    #[test]
    fn each_further_failure_doubles_the_wait_up_to_a_window() {
        let mut counter = fail(Counter::fresh(at(0, 0)), Scope::Pair, 5, at(0, 0));
        let mut waits = Vec::new();
        for _ in 0..6 {
            counter = counter.failed(Scope::Pair, at(0, 0));
            waits.push(counter.wait(at(0, 0)).map(|w| w.num_seconds()));
        }
        assert_eq!(waits, [Some(60), Some(120), Some(240), Some(480), Some(900), Some(900)]);
    }

    #[test]
    fn a_success_wipes_a_pairs_slate_and_gives_one_back_to_the_client() {
        let pair = fail(Counter::fresh(at(0, 0)), Scope::Pair, 3, at(0, 0));
        assert_eq!(pair.succeeded(Scope::Pair, at(1, 0)).failures, 0);
        let client = fail(Counter::fresh(at(0, 0)), Scope::Client, CLIENT_FAILURES, at(0, 0));
        assert!(client.wait(at(0, 0)).is_some(), "thirty failures close the address");
        assert_eq!(client.succeeded(Scope::Client, at(0, 0)).wait(at(0, 0)), None);
    }

    #[test]
    fn a_client_spraying_many_e_mails_waits_until_its_window_ends() {
        let client = fail(Counter::fresh(at(0, 0)), Scope::Client, CLIENT_FAILURES - 1, at(2, 0));
        assert_eq!(client.wait(at(2, 0)), None);
        let closed = client.failed(Scope::Client, at(3, 0));
        assert_eq!(closed.wait(at(3, 0)), Some(Duration::minutes(12)));
    }

    #[test]
    fn failures_are_forgotten_a_window_after_the_first_once_no_wait_runs() {
        let counter = fail(Counter::fresh(at(0, 0)), Scope::Pair, 3, at(0, 0));
        assert_eq!(counter.current(at(14, 59)).failures, 3);
        assert_eq!(counter.current(at(15, 0)).failures, 0);
    }

    #[test]
    fn waits_are_told_in_whole_minutes_rounded_up() {
        assert_eq!(minutes_to_wait(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_wait(Duration::seconds(1)), 1);
        assert_eq!(minutes_to_wait(Duration::minutes(10)), 10);
    }
}
