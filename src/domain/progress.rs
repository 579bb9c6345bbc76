//! How far someone is from a target, and at what pace: what the statistics colour and say.

use super::working_calendar::{Pace, Phase};

/// Where an achievement stands against the pace the period asks for. Each has a word and
/// a symbol, so it reads without colour too. A running period is Reached, On track,
/// Behind or At risk; a closed one Reached or Missed; a period the holder did not hold is
/// judged not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Most urgent first: the order of "sort by standing".
    Missed,
    AtRisk,
    Behind,
    OnTrack,
    Reached,
    NotHeld,
}

impl Standing {
    pub const ALL: [Standing; 6] =
        [Standing::Missed, Standing::AtRisk, Standing::Behind, Standing::OnTrack, Standing::Reached, Standing::NotHeld];

    /// The catalogue key of its word.
    pub fn label_key(self) -> &'static str {
        match self {
            Standing::Reached => "standing-reached",
            Standing::OnTrack => "standing-on-track",
            Standing::Behind => "standing-behind",
            Standing::AtRisk => "standing-at-risk",
            Standing::Missed => "standing-missed",
            Standing::NotHeld => "standing-not-held",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Standing::Reached => "reached",
            Standing::OnTrack => "on-track",
            Standing::Behind => "behind",
            Standing::AtRisk => "at-risk",
            Standing::Missed => "missed",
            Standing::NotHeld => "not-held",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Standing::Reached => "✔",
            Standing::OnTrack => "▲",
            Standing::Behind => "▼",
            Standing::AtRisk => "!",
            Standing::Missed => "✘",
            Standing::NotHeld => "–",
        }
    }

    /// Whether it is a judgement (not "not held").
    pub fn is_judged(self) -> bool {
        self != Standing::NotHeld
    }
}

/// At risk: at this pace the period would end under this share of its target.
pub const AT_RISK_SHARE: f64 = 0.7;
/// No alarm before this share of the period's working time has gone: a slow first morning
/// is not a trend.
pub const GRACE_SHARE: f64 = 0.2;
/// Nor while less than one unit (one activity, one deal, one cent) was expected by now.
pub const GRACE_EXPECTED: f64 = 1.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub achieved: i64,
    pub target: i64,
    /// achieved / target, in percent.
    pub percent: f64,
    /// What a steady pace would have achieved by now: target × the share of working time
    /// gone since the holder held it (the whole target once the period closed).
    pub expected: f64,
    /// achieved − expected: positive ahead of pace, negative behind.
    pub gap: f64,
    /// What is left to do per remaining working day, while the target is not reached and
    /// working time remains.
    pub needed_per_day: Option<f64>,
    /// At this pace, what the period will end with: the run rate over the working time
    /// gone, while the period runs and some of it has gone.
    pub forecast: Option<f64>,
    /// For sales objectives: what was won plus the open pipeline expected to close in the
    /// period, weighed by probability, while the period runs.
    pub pipeline_forecast: Option<f64>,
    pub standing: Standing,
    /// The period began before the holder held the objective.
    pub partial: bool,
}

impl Progress {
    /// The forecast as a share of the target, in percent.
    pub fn forecast_percent(&self) -> Option<f64> {
        self.forecast.map(|forecast| forecast / self.target.max(1) as f64 * 100.0)
    }

    /// The pipeline forecast as a share of the target, in percent.
    pub fn pipeline_forecast_percent(&self) -> Option<f64> {
        self.pipeline_forecast.map(|forecast| forecast / self.target.max(1) as f64 * 100.0)
    }
}

/// The progress of `achieved` against `target` at `pace`.
pub fn progress(achieved: i64, target: i64, pace: &Pace) -> Progress {
    let fraction = pace.fraction();
    let (achieved_f, reached) = (achieved as f64, achieved >= target);
    let expected = match pace.phase {
        Phase::NotHeld => 0.0,
        Phase::Running | Phase::Closed => target as f64 * fraction,
    };
    let forecast = (pace.phase == Phase::Running && fraction > 0.0).then(|| achieved_f / fraction);
    let in_grace = fraction < GRACE_SHARE || expected < GRACE_EXPECTED;
    let standing = match pace.phase {
        Phase::NotHeld => Standing::NotHeld,
        _ if reached => Standing::Reached,
        Phase::Closed => Standing::Missed,
        Phase::Running if in_grace || achieved_f >= expected => Standing::OnTrack,
        Phase::Running if forecast.unwrap_or(0.0) >= target as f64 * AT_RISK_SHARE => Standing::Behind,
        Phase::Running => Standing::AtRisk,
    };
    let remaining = pace.remaining();
    let needed_per_day = (!reached && remaining > 0.0).then(|| (target - achieved) as f64 / remaining);
    Progress {
        achieved,
        target,
        percent: achieved_f / target.max(1) as f64 * 100.0,
        expected,
        gap: achieved_f - expected,
        needed_per_day,
        forecast,
        pipeline_forecast: None,
        standing,
        partial: pace.partial,
    }
}

/// A percentage rounded to one decimal, as the CSV and the tables print it.
pub fn percent_one_decimal(percent: f64) -> String {
    format!("{:.1}", (percent * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::{Calendar, PeriodKind};
    use crate::domain::working_calendar::WorkingCalendar;
    use chrono::{DateTime, NaiveDate, Utc, Weekday};
    use chrono_tz::Europe;

    /// `elapsed` of the period's working time gone, `remaining` working days left.
    fn progress(achieved: i64, target: i64, elapsed: f64, remaining: i64) -> Progress {
        let total = if elapsed < 1.0 { remaining as f64 / (1.0 - elapsed) } else { 1.0 };
        super::progress(achieved, target, &Pace::new(elapsed * total, total))
    }

    fn rome() -> Calendar {
        Calendar::new(Europe::Rome, Weekday::Mon)
    }

    /// `h:m` local time in Rome on a date.
    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        let local = NaiveDate::from_ymd_opt(y, m, d).and_then(|day| day.and_hms_opt(h, min, 0)).expect("a moment");
        rome().local_to_utc(local).expect("one instant")
    }

    /// The progress in the period of `kind` containing `now`, held since `since`.
    fn judged(
        kind: PeriodKind,
        achieved: i64,
        target: i64,
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Progress {
        judged_in(&WorkingCalendar::default(), kind, achieved, target, since, now)
    }

    fn judged_in(
        working: &WorkingCalendar,
        kind: PeriodKind,
        achieved: i64,
        target: i64,
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Progress {
        let calendar = rome();
        let period = calendar.period_of_date(kind, calendar.local_date(now));
        super::progress(achieved, target, &working.pace_since(&calendar, &period, since, now))
    }

    #[test]
    fn reaching_the_target_is_reached_whatever_the_pace() {
        let p = progress(10, 10, 0.1, 20);
        assert_eq!((p.standing, p.needed_per_day), (Standing::Reached, None));
        assert_eq!(p.percent, 100.0);
    }

    #[test]
    fn at_or_above_the_expected_pace_is_on_track() {
        // Half the period gone, half the target done.
        let p = progress(25, 50, 0.5, 4);
        assert_eq!(p.standing, Standing::OnTrack);
        assert_eq!((p.expected, p.gap), (25.0, 0.0));
        assert_eq!(p.needed_per_day, Some(6.25));
        assert_eq!((p.forecast, p.forecast_percent()), (Some(50.0), Some(100.0)));
    }

    #[test]
    fn below_pace_is_behind_then_at_risk_by_the_forecast() {
        let behind = progress(20, 50, 0.5, 4);
        assert_eq!((behind.standing, behind.forecast), (Standing::Behind, Some(40.0)), "80% at this pace");
        let at_risk = progress(17, 50, 0.5, 4);
        assert_eq!((at_risk.standing, at_risk.forecast), (Standing::AtRisk, Some(34.0)), "68%: under 70%");
        assert_eq!(progress(0, 50, 0.0, 7).standing, Standing::OnTrack, "nothing expected yet");
    }

    #[test]
    fn the_grace_keeps_alarms_off_early_and_while_less_than_one_unit_was_expected() {
        assert_eq!(progress(0, 50, GRACE_SHARE - 0.01, 10).standing, Standing::OnTrack, "under a fifth gone");
        assert_eq!(progress(0, 50, GRACE_SHARE, 10).standing, Standing::AtRisk, "a fifth gone, nothing done");
        assert_eq!(progress(0, 4, 0.24, 10).standing, Standing::OnTrack, "0.96 of one expected");
        assert_eq!(progress(0, 4, 0.25, 10).standing, Standing::AtRisk, "one expected, none done");
    }

    #[test]
    fn one_deal_a_month_on_the_first_working_morning_is_not_at_risk() {
        // Tuesday 1 December 2026, 10:00.
        let p = judged(PeriodKind::Month, 0, 1, None, at(2026, 12, 1, 10, 0));
        assert_eq!(p.standing, Standing::OnTrack);
        assert!(p.expected < 0.05 && p.gap > -0.05, "{p:?}");
        // Nor in the month's last working hours: one deal was expected only at its end.
        assert_eq!(judged(PeriodKind::Month, 0, 1, None, at(2026, 12, 31, 15, 0)).standing, Standing::OnTrack);
    }

    #[test]
    fn the_first_minute_of_a_period_expects_nothing() {
        let p = judged(PeriodKind::Week, 0, 10, None, at(2026, 11, 30, 0, 1));
        assert_eq!(p.standing, Standing::OnTrack);
        assert!(p.expected < 0.01);
        assert!((p.needed_per_day.unwrap_or_default() - 2.0).abs() < 0.01, "10 over five working days");
    }

    #[test]
    fn a_new_objective_is_not_red_on_the_day_it_is_created() {
        let created = at(2026, 12, 2, 19, 36);
        let p = judged(PeriodKind::Day, 0, 10, Some(created), at(2026, 12, 2, 19, 40));
        assert!(p.partial);
        assert_eq!(p.standing, Standing::OnTrack);
        assert!(p.expected < 0.2, "4 minutes of the 264 left of the day, not 19 h 40: {p:?}");
        let week = judged(PeriodKind::Week, 0, 10, Some(created), at(2026, 12, 2, 20, 0));
        assert_eq!(week.standing, Standing::OnTrack);
    }

    #[test]
    fn friday_at_three_needs_the_rest_divided_by_the_rest_of_friday() {
        let p = judged(PeriodKind::Week, 6, 10, None, at(2026, 11, 27, 15, 0));
        let rest_of_friday = 9.0 / 24.0;
        assert!((p.needed_per_day.unwrap_or_default() - 4.0 / rest_of_friday).abs() < 1e-6, "{p:?}");
    }

    #[test]
    fn a_holiday_is_not_expected_to_produce() {
        let mut working = WorkingCalendar::default();
        let wednesday = at(2026, 12, 9, 0, 0);
        let plain = judged_in(&working, PeriodKind::Week, 0, 10, None, wednesday);
        working.holidays.insert(NaiveDate::from_ymd_opt(2026, 12, 8).expect("a date"));
        let holiday = judged_in(&working, PeriodKind::Week, 0, 10, None, wednesday);
        assert_eq!((plain.expected, holiday.expected), (4.0, 2.5), "two of five days, one of four");
    }

    #[test]
    fn the_last_minute_still_runs_and_a_closed_period_is_reached_or_missed() {
        let last_minute = judged(PeriodKind::Week, 5, 10, None, at(2026, 11, 29, 23, 59));
        assert_eq!(last_minute.standing, Standing::AtRisk, "the working week is over at 50 %");
        assert_eq!(last_minute.needed_per_day, None, "no working day left");
        let calendar = rome();
        let week = calendar.period_of_date(PeriodKind::Week, NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date"));
        let closed = WorkingCalendar::default().pace(&calendar, &week, at(2026, 12, 2, 9, 0));
        let missed = super::progress(5, 10, &closed);
        assert_eq!((missed.standing, missed.expected, missed.forecast), (Standing::Missed, 10.0, None));
        assert_eq!(super::progress(10, 10, &closed).standing, Standing::Reached);
    }

    #[test]
    fn a_period_before_the_holder_held_it_is_not_judged() {
        let calendar = rome();
        let week = calendar.period_of_date(PeriodKind::Week, NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date"));
        let since = Some(at(2026, 12, 1, 9, 0));
        let pace = WorkingCalendar::default().pace_since(&calendar, &week, since, at(2026, 12, 2, 9, 0));
        let p = super::progress(0, 10, &pace);
        assert_eq!((p.standing, p.expected, p.needed_per_day, p.forecast), (Standing::NotHeld, 0.0, None, None));
        assert!(!p.standing.is_judged());
    }

    #[test]
    fn standings_sort_most_urgent_first() {
        let mut all = Standing::ALL;
        all.sort();
        assert_eq!(all[0], Standing::Missed);
        assert!(Standing::AtRisk < Standing::Behind && Standing::Behind < Standing::OnTrack);
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(percent_one_decimal(33.333), "33.3");
        assert_eq!(percent_one_decimal(66.666), "66.7");
        assert_eq!(percent_one_decimal(100.0), "100.0");
    }
}
