//! The account's working time: the weekdays its people work and its holidays. Pace counts
//! working time only: a working day counts whole (its share gone by the local clock), any
//! other day not at all, so that a Monday-to-Friday team is not "behind" on Saturday
//! morning and "needed per remaining working day" divides by the working days left.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

use super::Invalid;
use super::message::Message;
use super::period::{Calendar, Period};

/// Every weekday, Monday first, with its stored short name.
const WEEK: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

/// The weekdays people work: at least one. Stored as `mon,tue,wed,thu,fri`.
#[derive(Debug, Clone, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct WorkingDays {
    /// Bit `n` set: the weekday `n` days from Monday is worked.
    mask: u8,
    text: String,
}

impl WorkingDays {
    /// Every weekday, Monday first.
    pub const WEEK: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    /// The days given, in any order; none is refused.
    pub fn of(days: &[Weekday]) -> Result<Self, Invalid> {
        let mask = days.iter().fold(0u8, |mask, day| mask | 1 << day.num_days_from_monday());
        if mask == 0 {
            return Err(Invalid::new("working-days-required"));
        }
        let text = WEEK.iter().filter(|(day, _)| mask & 1 << day.num_days_from_monday() != 0).map(|(_, name)| *name);
        Ok(Self { mask, text: text.collect::<Vec<_>>().join(",") })
    }

    /// Days as the command line and the store write them: names (`mon`, `monday`) and
    /// ranges (`mon-fri`, `sat-sun`), separated by commas.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let mut days = Vec::new();
        for part in raw.split(',').map(str::trim).filter(|part| !part.is_empty()) {
            match part.split_once('-') {
                Some((from, to)) => {
                    let (mut day, last) = (weekday(from)?, weekday(to)?);
                    days.push(day);
                    while day != last {
                        day = day.succ();
                        days.push(day);
                    }
                }
                None => days.push(weekday(part)?),
            }
        }
        Self::of(&days)
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.mask & 1 << day.num_days_from_monday() != 0
    }

    /// The days worked, Monday first.
    pub fn days(&self) -> Vec<Weekday> {
        WEEK.iter().map(|(day, _)| *day).filter(|day| self.contains(*day)).collect()
    }

    /// As stored: `mon,tue,wed,thu,fri`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// A weekday's stored short name.
    pub fn short_name(day: Weekday) -> &'static str {
        WEEK[day.num_days_from_monday() as usize].1
    }
}

impl Default for WorkingDays {
    /// Monday to Friday.
    fn default() -> Self {
        Self { mask: 0b001_1111, text: "mon,tue,wed,thu,fri".to_owned() }
    }
}

impl std::str::FromStr for WorkingDays {
    type Err = Invalid;

    fn from_str(s: &str) -> Result<Self, Invalid> {
        Self::parse(s)
    }
}

fn weekday(raw: &str) -> Result<Weekday, Invalid> {
    let wanted = raw.trim().to_ascii_lowercase();
    WEEK.iter()
        .find(|(day, short)| *short == wanted || long(*day) == wanted)
        .map(|(day, _)| *day)
        .ok_or_else(|| Invalid::new(Message::new("weekday-unknown").arg("value", raw.trim())))
}

fn long(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

/// The working days and the holidays of an account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingCalendar {
    pub days: WorkingDays,
    pub holidays: BTreeSet<NaiveDate>,
}

/// Where a period stands for one holder at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Not over yet (or not begun).
    Running,
    /// Over: what was achieved is final.
    Closed,
    /// Over before the holder held the objective (or before it existed): nothing to judge.
    NotHeld,
}

/// How much of a period's working time has gone for a holder, in working days, counted
/// from the later of the period's start and the moment the holder began to hold it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    pub elapsed: f64,
    pub total: f64,
    /// The share of the period gone by the clock, for a period without working time.
    real_fraction: f64,
    pub phase: Phase,
    /// The period began before the holder held the objective: pace counts from then.
    pub partial: bool,
}

impl Pace {
    /// `elapsed` of `total` working days gone, a period running and held from its start.
    pub fn new(elapsed: f64, total: f64) -> Self {
        let real_fraction = if total > 0.0 { elapsed / total } else { 0.0 };
        Self { elapsed, total, real_fraction, phase: Phase::Running, partial: false }
    }

    /// The share of the working time gone (0 to 1). A period with no working day at all
    /// goes by the clock.
    pub fn fraction(&self) -> f64 {
        match self.phase {
            Phase::Closed => 1.0,
            Phase::NotHeld => 0.0,
            Phase::Running if self.total > 0.0 => (self.elapsed / self.total).clamp(0.0, 1.0),
            Phase::Running => self.real_fraction,
        }
    }

    /// Working days left, the rest of today included (0 once the working time is over).
    pub fn remaining(&self) -> f64 {
        match self.phase {
            Phase::Running => (self.total - self.elapsed).max(0.0),
            Phase::Closed | Phase::NotHeld => 0.0,
        }
    }
}

impl WorkingCalendar {
    pub fn is_working(&self, date: NaiveDate) -> bool {
        self.days.contains(date.weekday()) && !self.holidays.contains(&date)
    }

    /// The working time of `period` gone at `now`, for someone who held it from its start.
    pub fn pace(&self, calendar: &Calendar, period: &Period, now: DateTime<Utc>) -> Pace {
        self.pace_since(calendar, period, None, now)
    }

    /// The working time of `period` gone at `now` for a holder who began to hold the
    /// objective at `since`: whole working days, and a working day's share by the local
    /// clock (a 25-hour day by its 25 hours), from the later of the period's start and
    /// `since`.
    pub fn pace_since(
        &self,
        calendar: &Calendar,
        period: &Period,
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Pace {
        self.pace_between(calendar, period, (since, None), now)
    }

    /// As [`Self::pace_since`], for an objective that also ends at `until` (the end of its
    /// last day): the period's working time stops there, and the period closes with it.
    pub fn pace_between(
        &self,
        calendar: &Calendar,
        period: &Period,
        (since, until): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
        now: DateTime<Utc>,
    ) -> Pace {
        let (period_start, period_end) = (period.start_utc(calendar), period.end_utc(calendar));
        let end = until.map_or(period_end, |until| until.min(period_end));
        let start = since.map_or(period_start, |since| since.max(period_start));
        let partial = start > period_start;
        if start >= end {
            return Pace { elapsed: 0.0, total: 0.0, real_fraction: 0.0, phase: Phase::NotHeld, partial };
        }
        let phase = if now >= end { Phase::Closed } else { Phase::Running };
        let clock = now.clamp(start, end);
        let real_fraction = (clock - start).num_milliseconds() as f64 / (end - start).num_milliseconds().max(1) as f64;
        let (elapsed, total) = (self.working_time(calendar, start, clock), self.working_time(calendar, start, end));
        Pace { elapsed, total, real_fraction, phase, partial }
    }

    /// Working days between two instants: the working days wholly inside, and the shares of
    /// the first and last by the local clock. Only the two end days need the time zone.
    pub fn working_time(&self, calendar: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
        if to <= from {
            return 0.0;
        }
        let (first, last) = (calendar.local_date(from), calendar.local_date(to));
        let share = |day: NaiveDate, at: DateTime<Utc>| {
            let (start, end) = (calendar.start_of_day(day), calendar.start_of_day(next(day)));
            let length = (end - start).num_milliseconds().max(1) as f64;
            ((at - start).num_milliseconds() as f64 / length).clamp(0.0, 1.0)
        };
        let worked = |day: NaiveDate| if self.is_working(day) { 1.0 } else { 0.0 };
        if first == last {
            return worked(first) * (share(first, to) - share(first, from));
        }
        let mut total = worked(first) * (1.0 - share(first, from)) + worked(last) * share(last, to);
        let mut day = next(first);
        while day < last {
            total += worked(day);
            day = next(day);
        }
        total
    }
}

fn next(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::PeriodKind;
    use chrono_tz::Europe;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    /// `h:m` local time in Rome (winter, UTC+1) on a date.
    fn rome_at(day: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
        let cal = Calendar::new(Europe::Rome, Weekday::Mon);
        cal.local_to_utc(day.and_hms_opt(h, m, 0).expect("a time")).expect("one instant")
    }

    fn week_of(day: NaiveDate) -> (Calendar, Period) {
        let cal = Calendar::new(Europe::Rome, Weekday::Mon);
        (cal, cal.period_of_date(PeriodKind::Week, day))
    }

    #[test]
    fn days_parse_from_names_and_ranges_and_store_in_week_order() {
        assert_eq!(WorkingDays::parse("mon-fri").map(|d| d.as_str().to_owned()), Ok("mon,tue,wed,thu,fri".into()));
        assert_eq!(WorkingDays::parse("Sunday, mon").map(|d| d.as_str().to_owned()), Ok("mon,sun".into()));
        assert_eq!(WorkingDays::parse("fri-mon").map(|d| d.as_str().to_owned()), Ok("mon,fri,sat,sun".into()));
        assert_eq!(WorkingDays::parse("mon,tue,wed,thu,fri"), Ok(WorkingDays::default()));
        assert!(WorkingDays::parse("").is_err(), "at least one day");
        assert!(WorkingDays::parse("mon-funday").is_err());
        assert!(WorkingDays::of(&[]).is_err());
    }

    #[test]
    fn friday_afternoon_leaves_the_rest_of_friday_only() {
        let (cal, week) = week_of(date(2026, 11, 27));
        let pace = WorkingCalendar::default().pace(&cal, &week, rome_at(date(2026, 11, 27), 15, 0));
        assert_eq!(pace.total, 5.0);
        assert!((pace.remaining() - 9.0 / 24.0).abs() < 1e-9, "{pace:?}");
        assert!((pace.fraction() - (4.0 + 15.0 / 24.0) / 5.0).abs() < 1e-9);
    }

    #[test]
    fn the_weekend_is_not_working_time() {
        let (cal, week) = week_of(date(2026, 11, 28));
        let saturday = WorkingCalendar::default().pace(&cal, &week, rome_at(date(2026, 11, 28), 10, 0));
        assert_eq!((saturday.fraction(), saturday.remaining()), (1.0, 0.0), "the working week is over");
        let seven = WorkingCalendar { days: WorkingDays::parse("mon-sun").expect("days"), ..Default::default() };
        assert!(seven.pace(&cal, &week, rome_at(date(2026, 11, 28), 10, 0)).fraction() < 1.0);
    }

    #[test]
    fn a_holiday_inside_the_week_changes_what_is_expected_by_now() {
        let (cal, week) = week_of(date(2026, 12, 9));
        let wednesday_noon = rome_at(date(2026, 12, 9), 12, 0);
        let plain = WorkingCalendar::default().pace(&cal, &week, wednesday_noon);
        let mut with_holiday = WorkingCalendar::default();
        with_holiday.holidays.insert(date(2026, 12, 8));
        let holiday = with_holiday.pace(&cal, &week, wednesday_noon);
        assert_eq!((plain.elapsed, plain.total), (2.5, 5.0));
        assert_eq!((holiday.elapsed, holiday.total), (1.5, 4.0), "8 December is not worked");
        assert!(holiday.fraction() < plain.fraction());
    }

    #[test]
    fn a_holder_since_wednesday_noon_counts_from_then() {
        let (cal, week) = week_of(date(2026, 12, 9));
        let since = rome_at(date(2026, 12, 9), 12, 0);
        let pace = WorkingCalendar::default().pace_since(&cal, &week, Some(since), rome_at(date(2026, 12, 10), 12, 0));
        assert!(pace.partial);
        assert_eq!((pace.elapsed, pace.total, pace.phase), (1.0, 2.5, Phase::Running));
        let before = WorkingCalendar::default().pace_since(&cal, &week, Some(since), rome_at(date(2026, 12, 9), 9, 0));
        assert_eq!((before.elapsed, before.fraction()), (0.0, 0.0), "nothing expected before the holder held it");
    }

    #[test]
    fn a_period_over_before_the_holder_held_it_is_not_held_and_a_past_one_is_closed() {
        let (cal, week) = week_of(date(2026, 12, 9));
        let later = rome_at(date(2026, 12, 20), 9, 0);
        let not_held = WorkingCalendar::default().pace_since(&cal, &week, Some(later), later);
        assert_eq!((not_held.phase, not_held.fraction(), not_held.remaining()), (Phase::NotHeld, 0.0, 0.0));
        let closed = WorkingCalendar::default().pace(&cal, &week, later);
        assert_eq!((closed.phase, closed.fraction(), closed.remaining()), (Phase::Closed, 1.0, 0.0));
        assert_eq!(closed.total, 5.0);
    }

    #[test]
    fn working_time_spans_days_weekends_and_holidays() {
        let cal = Calendar::new(Europe::Rome, Weekday::Mon);
        let mut working = WorkingCalendar::default();
        let friday_six = rome_at(date(2026, 12, 4), 18, 0);
        let monday_six = rome_at(date(2026, 12, 7), 6, 0);
        assert!((working.working_time(&cal, friday_six, monday_six) - 0.5).abs() < 1e-9, "6 h of Friday, 6 of Monday");
        working.holidays.insert(date(2026, 12, 7));
        assert!((working.working_time(&cal, friday_six, monday_six) - 0.25).abs() < 1e-9);
        assert_eq!(working.working_time(&cal, monday_six, friday_six), 0.0);
    }

    #[test]
    fn a_period_without_working_days_goes_by_the_clock() {
        let cal = Calendar::new(Europe::Rome, Weekday::Mon);
        let sunday = cal.period_of_date(PeriodKind::Day, date(2026, 11, 29));
        let pace = WorkingCalendar::default().pace(&cal, &sunday, rome_at(date(2026, 11, 29), 12, 0));
        assert_eq!((pace.total, pace.remaining()), (0.0, 0.0));
        assert!((pace.fraction() - 0.5).abs() < 1e-9);
    }
}
