//! Reporting periods (day, week, month, quarter, year) on an account's local calendar.
//!
//! A period is a half-open range of local dates. Its real-time bounds come from [`Calendar::start_of_day`],
//! so a day may last 23, 24 or 25 hours (or not at all, when a zone skips a date) and consecutive periods
//! always touch: every instant belongs to exactly one period of each kind.

use chrono::{
    DateTime, Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

crate::text_enum! {
    /// The length of a reporting period (`ALL`: shortest first).
    pub enum PeriodKind ("choose-period") {
        Day => "day" / "period-day",
        Week => "week" / "period-week",
        Month => "month" / "period-month",
        Quarter => "quarter" / "period-quarter",
        Year => "year" / "period-year",
    }
}

/// A local wall-clock time that cannot be turned into a single instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    #[error("{time} does not exist in {zone}: the clocks skip it for daylight saving time.")]
    Nonexistent { time: NaiveDateTime, zone: Tz },
    #[error("{time} happens twice in {zone} as the clocks go back: give the offset (RFC 3339).")]
    Ambiguous { time: NaiveDateTime, zone: Tz },
}

impl From<LocalTimeError> for super::Invalid {
    fn from(error: LocalTimeError) -> Self {
        let (key, time, zone) = match error {
            LocalTimeError::Nonexistent { time, zone } => ("moment-skipped", time, zone),
            LocalTimeError::Ambiguous { time, zone } => ("moment-repeated", time, zone),
        };
        let moment = time.format("%Y-%m-%d %H:%M").to_string();
        super::Invalid::new(super::message::Message::new(key).arg("moment", moment).arg("zone", zone.name()))
    }
}

/// An account's calendar: its time zone, the weekday weeks begin on, and the month its
/// fiscal year begins in (quarters and years follow it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    tz: Tz,
    week_start: Weekday,
    /// 1 (January) to 12.
    fiscal_start: u32,
}

impl Calendar {
    /// A calendar whose fiscal year is the calendar year.
    pub fn new(tz: Tz, week_start: Weekday) -> Self {
        Self { tz, week_start, fiscal_start: 1 }
    }

    /// The same calendar with its fiscal year beginning in `month` (1 to 12; others are
    /// taken as January).
    pub fn with_fiscal_year_start(self, month: u32) -> Self {
        Self { fiscal_start: if (1..=12).contains(&month) { month } else { 1 }, ..self }
    }

    pub fn fiscal_year_start(&self) -> u32 {
        self.fiscal_start
    }

    pub fn tz(&self) -> Tz {
        self.tz
    }

    pub fn week_start(&self) -> Weekday {
        self.week_start
    }

    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.local_datetime(instant).date()
    }

    pub fn local_datetime(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        let utc = instant.naive_utc();
        let offset = self.tz.offset_from_utc_datetime(&utc).fix();
        // Only instants within a day of chrono's limits have no local time; clamp those to the limit.
        utc.checked_add_offset(offset).unwrap_or(if offset.local_minus_utc() > 0 {
            NaiveDateTime::MAX
        } else {
            NaiveDateTime::MIN
        })
    }

    /// The first instant of a local date. If local midnight does not exist (DST gap at midnight) it is the
    /// first instant that does; if it is ambiguous, the earlier one. If the whole date does not exist
    /// (Pacific/Apia skipped 2011-12-30), it is the start of the next date that exists, so that date's day
    /// period is empty.
    pub fn start_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        let midnight = date.and_time(NaiveTime::MIN);
        match self.tz.from_local_datetime(&midnight).earliest() {
            Some(start) => start.to_utc(),
            None => self.first_instant_from(midnight),
        }
    }

    /// A local wall-clock time to UTC, refusing times a DST change makes nonexistent or ambiguous.
    pub fn local_to_utc(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, LocalTimeError> {
        match self.tz.from_local_datetime(&local) {
            chrono::LocalResult::Single(instant) => Ok(instant.to_utc()),
            chrono::LocalResult::Ambiguous(..) => Err(LocalTimeError::Ambiguous { time: local, zone: self.tz }),
            chrono::LocalResult::None => Err(LocalTimeError::Nonexistent { time: local, zone: self.tz }),
        }
    }

    pub fn period_of_date(&self, kind: PeriodKind, date: NaiveDate) -> Period {
        // The `unwrap_or(date)` fallbacks never apply: day 1, month 1 and ordinal 1 exist in every year.
        let (start, end) = match kind {
            PeriodKind::Day => (date, add_days(date, 1)),
            PeriodKind::Week => {
                let start = sub_days(date, date.weekday().days_since(self.week_start).into());
                (start, add_days(start, 7))
            }
            PeriodKind::Month => {
                let start = date.with_day(1).unwrap_or(date);
                (start, add_months(start, 1))
            }
            PeriodKind::Quarter => {
                let start = self.fiscal_months_back(date, 3);
                (start, add_months(start, 3))
            }
            PeriodKind::Year => {
                let start = self.fiscal_months_back(date, 12);
                (start, add_months(start, 12))
            }
        };
        Period { kind, start, end, fiscal_start: self.fiscal_start }
    }

    /// The first day of the fiscal quarter (`length` 3) or year (12) holding `date`.
    fn fiscal_months_back(&self, date: NaiveDate, length: u32) -> NaiveDate {
        let into_year = (date.month0() + 12 - (self.fiscal_start - 1)) % 12;
        let back = into_year % length;
        let first = date.with_day(1).unwrap_or(date);
        first.checked_sub_months(Months::new(back)).unwrap_or(NaiveDate::MIN)
    }

    pub fn period_containing(&self, kind: PeriodKind, instant: DateTime<Utc>) -> Period {
        self.period_of_date(kind, self.local_date(instant))
    }

    /// The first instant whose wall-clock time is at or after `local`, for a `local` inside a gap: it is the
    /// transition that skips `local`. UTC offsets stay well under a day, so that instant lies within a day
    /// either side of `local` read as UTC, and bisecting over whole seconds finds it (transitions fall on
    /// whole seconds).
    fn first_instant_from(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let at = |seconds| add_seconds(local.and_utc(), seconds);
        // Invariant: the wall clock reads before `local` at `before` and at or after it at `after`.
        let (mut before, mut after) = (-86_400_i64, 86_400_i64);
        while after - before > 1 {
            let mid = before + (after - before) / 2;
            if self.local_datetime(at(mid)) >= local {
                after = mid;
            } else {
                before = mid;
            }
        }
        at(after)
    }
}

/// A half-open period [start, end) of local dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    kind: PeriodKind,
    start: NaiveDate,
    end: NaiveDate,
    /// The month the calendar's fiscal year begins in, for the quarter's and year's names.
    fiscal_start: u32,
}

impl Period {
    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    /// The first local date, inclusive.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The first local date of the next period, exclusive.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    pub fn last_day(&self) -> NaiveDate {
        sub_days(self.end, 1)
    }

    /// Whether the fiscal year is not the calendar year: quarters and years are then named
    /// by fiscal year ("FY2027 Q1").
    pub fn is_fiscal(&self) -> bool {
        self.fiscal_start != 1
    }

    /// The year a quarter or year is named by: the calendar year of its start, or, when the
    /// fiscal year is not the calendar year, the year the fiscal year ends in.
    pub fn year_name(&self) -> i32 {
        if self.is_fiscal() {
            // The fiscal year holding the start ends in the calendar year of its last month.
            let months_left = 12 - (self.start.month0() + 12 - (self.fiscal_start - 1)) % 12;
            add_months(self.start, months_left - 1).year()
        } else {
            self.start.year()
        }
    }

    /// A quarter's number in its (fiscal) year, 1 to 4.
    pub fn quarter_number(&self) -> u32 {
        (self.start.month0() + 12 - (self.fiscal_start - 1)) % 12 / 3 + 1
    }

    /// The number of local dates, counting any date the zone skips.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end
    }

    /// The period that starts at `self.end()`.
    pub fn next(&self, cal: &Calendar) -> Period {
        cal.period_of_date(self.kind, self.end)
    }

    /// The period that ends at `self.start()`.
    pub fn previous(&self, cal: &Calendar) -> Period {
        cal.period_of_date(self.kind, sub_days(self.start, 1))
    }

    pub fn start_utc(&self, cal: &Calendar) -> DateTime<Utc> {
        cal.start_of_day(self.start)
    }

    pub fn end_utc(&self, cal: &Calendar) -> DateTime<Utc> {
        cal.start_of_day(self.end)
    }

    /// Share of the period elapsed at `now` (0.0 before, 1.0 after), measured in real time between
    /// `start_utc` and `end_utc`, so a 25-hour day is half over at 12:30 local time.
    pub fn elapsed_fraction(&self, cal: &Calendar, now: DateTime<Utc>) -> f64 {
        let (start, end) = (self.start_utc(cal), self.end_utc(cal));
        // An empty period (a skipped date) is over as soon as it starts.
        if now >= end {
            1.0
        } else if now <= start {
            0.0
        } else {
            (now - start).num_milliseconds() as f64 / (end - start).num_milliseconds() as f64
        }
    }

    /// Local dates from `today` (inclusive) to the end: 0 when the period is over, `days()` when it has not
    /// begun.
    pub fn remaining_days(&self, today: NaiveDate) -> i64 {
        (self.end - today.max(self.start)).num_days().max(0)
    }
}

// Date and time arithmetic only overflows at the ends of chrono's range (years ±262143); saturating there keeps
// periods well-formed, if shortened.

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX)
}

fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(NaiveDate::MIN)
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

fn add_seconds(instant: DateTime<Utc>, seconds: i64) -> DateTime<Utc> {
    let limit = if seconds > 0 { DateTime::<Utc>::MAX_UTC } else { DateTime::<Utc>::MIN_UTC };
    TimeDelta::try_seconds(seconds).and_then(|delta| instant.checked_add_signed(delta)).unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America, Asia, Australia, Europe, Pacific};
    use proptest::prelude::*;

    /// Periods named in English: a compact way to say which dates they cover.
    trait Label {
        fn label(&self) -> String;
    }

    impl Label for Period {
        fn label(&self) -> String {
            crate::i18n::period(crate::domain::account::Locale::En, self)
        }
    }

    const ZONES: [Tz; 7] = [
        Europe::Rome,
        America::New_York,
        Australia::Lord_Howe,
        Pacific::Apia,
        Asia::Kolkata,
        America::Santiago,
        Tz::UTC,
    ];
    const WEEKDAYS: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    fn utc(rfc3339: &str) -> DateTime<Utc> {
        rfc3339.parse().unwrap()
    }

    fn rome() -> Calendar {
        Calendar::new(Europe::Rome, Weekday::Mon)
    }

    fn hours(period: &Period, cal: &Calendar) -> f64 {
        (period.end_utc(cal) - period.start_utc(cal)).num_minutes() as f64 / 60.0
    }

    #[test]
    fn kinds_parse() {
        for &kind in PeriodKind::ALL {
            assert_eq!(kind.as_str().parse::<PeriodKind>(), Ok(kind));
        }
        assert_eq!(" Quarter ".parse::<PeriodKind>(), Ok(PeriodKind::Quarter));
        assert_eq!("WEEK".parse::<PeriodKind>(), Ok(PeriodKind::Week));
        assert_eq!("fortnight".parse::<PeriodKind>(), Err(super::super::Invalid::new("choose-period")));
        assert!(PeriodKind::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn labels() {
        let cal = rome();
        let d = date(2026, 11, 27);
        let label = |kind| cal.period_of_date(kind, d).label();
        assert_eq!(label(PeriodKind::Day), "Fri 27 Nov 2026");
        assert_eq!(label(PeriodKind::Week), "Week of 23 Nov 2026");
        assert_eq!(label(PeriodKind::Month), "November 2026");
        assert_eq!(label(PeriodKind::Quarter), "Q4 2026");
        assert_eq!(label(PeriodKind::Year), "2026");
        assert_eq!(cal.period_of_date(PeriodKind::Day, date(2026, 3, 5)).label(), "Thu 5 Mar 2026");
    }

    #[test]
    fn weeks_start_on_the_calendars_weekday() {
        let friday = date(2026, 11, 27);
        let monday = Calendar::new(Europe::Rome, Weekday::Mon).period_of_date(PeriodKind::Week, friday);
        assert_eq!((monday.start(), monday.end()), (date(2026, 11, 23), date(2026, 11, 30)));
        let sunday = Calendar::new(Europe::Rome, Weekday::Sun).period_of_date(PeriodKind::Week, friday);
        assert_eq!((sunday.start(), sunday.end()), (date(2026, 11, 22), date(2026, 11, 29)));
        assert_eq!(sunday.label(), "Week of 22 Nov 2026");
        // The first day of a week is in that week, not the one before.
        let sunday_week =
            Calendar::new(Europe::Rome, Weekday::Sun).period_of_date(PeriodKind::Week, date(2026, 11, 22));
        assert_eq!(sunday_week, sunday);
        let monday_week =
            Calendar::new(Europe::Rome, Weekday::Mon).period_of_date(PeriodKind::Week, date(2026, 11, 22));
        assert_eq!(monday_week.start(), date(2026, 11, 16));
        assert_eq!(monday.days(), 7);
        assert_eq!(monday.last_day(), date(2026, 11, 29));
    }

    #[test]
    fn quarter_boundaries() {
        let cal = rome();
        let quarter = |d| {
            let p = cal.period_of_date(PeriodKind::Quarter, d);
            (p.start(), p.end(), p.label())
        };
        assert_eq!(quarter(date(2026, 1, 1)), (date(2026, 1, 1), date(2026, 4, 1), "Q1 2026".into()));
        assert_eq!(quarter(date(2026, 3, 31)), (date(2026, 1, 1), date(2026, 4, 1), "Q1 2026".into()));
        assert_eq!(quarter(date(2026, 4, 1)), (date(2026, 4, 1), date(2026, 7, 1), "Q2 2026".into()));
        assert_eq!(quarter(date(2026, 9, 30)), (date(2026, 7, 1), date(2026, 10, 1), "Q3 2026".into()));
        assert_eq!(quarter(date(2026, 12, 31)), (date(2026, 10, 1), date(2027, 1, 1), "Q4 2026".into()));
        assert_eq!(cal.period_of_date(PeriodKind::Quarter, date(2024, 2, 29)).days(), 91);
    }

    #[test]
    fn next_and_previous() {
        let cal = rome();
        let january = cal.period_of_date(PeriodKind::Month, date(2026, 1, 15));
        assert_eq!(january.next(&cal).label(), "February 2026");
        assert_eq!(january.previous(&cal).label(), "December 2025");
        assert_eq!(january.previous(&cal).next(&cal), january);
        assert_eq!(cal.period_of_date(PeriodKind::Month, date(2028, 2, 1)).days(), 29);

        let q4 = cal.period_of_date(PeriodKind::Quarter, date(2026, 11, 27));
        assert_eq!(q4.next(&cal).label(), "Q1 2027");
        assert_eq!(q4.previous(&cal).label(), "Q3 2026");
        let year = cal.period_of_date(PeriodKind::Year, date(2026, 6, 1));
        assert_eq!((year.next(&cal).label(), year.previous(&cal).label()), ("2027".into(), "2025".into()));
        let week = cal.period_of_date(PeriodKind::Week, date(2026, 12, 30));
        assert_eq!(week.next(&cal).label(), "Week of 4 Jan 2027");
        assert_eq!(week.previous(&cal).label(), "Week of 21 Dec 2026");
        let day = cal.period_of_date(PeriodKind::Day, date(2026, 12, 31));
        assert_eq!(day.next(&cal).label(), "Fri 1 Jan 2027");
    }

    #[test]
    fn remaining_days() {
        let week = rome().period_of_date(PeriodKind::Week, date(2026, 11, 27));
        assert_eq!(week.remaining_days(date(2026, 11, 20)), 7);
        assert_eq!(week.remaining_days(date(2026, 11, 23)), 7);
        assert_eq!(week.remaining_days(date(2026, 11, 27)), 3);
        assert_eq!(week.remaining_days(date(2026, 11, 29)), 1);
        assert_eq!(week.remaining_days(date(2026, 11, 30)), 0);
        assert_eq!(week.remaining_days(date(2027, 1, 1)), 0);
    }

    #[test]
    fn elapsed_fraction_on_a_23_hour_day() {
        let cal = rome();
        let day = cal.period_of_date(PeriodKind::Day, date(2026, 3, 29));
        assert_eq!(day.start_utc(&cal), utc("2026-03-28T23:00:00Z"));
        assert_eq!(day.end_utc(&cal), utc("2026-03-29T22:00:00Z"));
        assert_eq!(hours(&day, &cal), 23.0);
        // Local noon is 11 real hours into the day.
        let noon = cal.local_to_utc(local(2026, 3, 29, 12, 0)).unwrap();
        assert!((day.elapsed_fraction(&cal, noon) - 11.0 / 23.0).abs() < 1e-12);
        assert_eq!(day.elapsed_fraction(&cal, utc("2026-03-28T22:59:59Z")), 0.0);
        assert_eq!(day.elapsed_fraction(&cal, day.start_utc(&cal)), 0.0);
        assert_eq!(day.elapsed_fraction(&cal, day.end_utc(&cal)), 1.0);
    }

    #[test]
    fn elapsed_fraction_on_a_25_hour_day() {
        let cal = rome();
        let day = cal.period_of_date(PeriodKind::Day, date(2026, 10, 25));
        assert_eq!(day.start_utc(&cal), utc("2026-10-24T22:00:00Z"));
        assert_eq!(day.end_utc(&cal), utc("2026-10-25T23:00:00Z"));
        assert_eq!(hours(&day, &cal), 25.0);
        let noon = cal.local_to_utc(local(2026, 10, 25, 12, 0)).unwrap();
        assert!((day.elapsed_fraction(&cal, noon) - 13.0 / 25.0).abs() < 1e-12);
        assert_eq!(day.elapsed_fraction(&cal, utc("2026-10-25T10:30:00Z")), 0.5);
    }

    #[test]
    fn local_to_utc_refuses_skipped_and_repeated_times() {
        let cal = rome();
        let skipped = local(2026, 3, 29, 2, 30);
        let err = cal.local_to_utc(skipped).unwrap_err();
        assert_eq!(err, LocalTimeError::Nonexistent { time: skipped, zone: Europe::Rome });
        assert_eq!(
            err.to_string(),
            "2026-03-29 02:30:00 does not exist in Europe/Rome: the clocks skip it for daylight saving time."
        );
        let repeated = local(2026, 10, 25, 2, 30);
        let err = cal.local_to_utc(repeated).unwrap_err();
        assert_eq!(err, LocalTimeError::Ambiguous { time: repeated, zone: Europe::Rome });
        assert_eq!(
            err.to_string(),
            "2026-10-25 02:30:00 happens twice in Europe/Rome as the clocks go back: give the offset (RFC 3339)."
        );
        assert_eq!(cal.local_to_utc(local(2026, 3, 29, 3, 0)), Ok(utc("2026-03-29T01:00:00Z")));
        assert_eq!(cal.local_to_utc(local(2026, 10, 25, 3, 0)), Ok(utc("2026-10-25T02:00:00Z")));
    }

    #[test]
    fn apia_skipped_a_whole_date() {
        let cal = Calendar::new(Pacific::Apia, Weekday::Mon);
        // Samoa moved across the date line: 29 Dec 2011 at 24:00 (UTC-10) became 31 Dec at 00:00 (UTC+14).
        let skipped = cal.period_of_date(PeriodKind::Day, date(2011, 12, 30));
        assert_eq!(skipped.start_utc(&cal), utc("2011-12-30T10:00:00Z"));
        assert_eq!(skipped.start_utc(&cal), skipped.end_utc(&cal));
        assert_eq!(skipped.elapsed_fraction(&cal, utc("2011-12-30T09:59:59Z")), 0.0);
        assert_eq!(skipped.elapsed_fraction(&cal, utc("2011-12-30T10:00:00Z")), 1.0);
        assert_eq!(cal.local_date(utc("2011-12-30T09:59:59Z")), date(2011, 12, 29));
        assert_eq!(cal.local_date(utc("2011-12-30T10:00:00Z")), date(2011, 12, 31));
        assert!(cal.local_to_utc(local(2011, 12, 30, 12, 0)).is_err());

        // Its week still lists seven dates, but lasts six days of real time and one date never happens.
        let week = cal.period_of_date(PeriodKind::Week, date(2011, 12, 30));
        assert_eq!((week.start(), week.end(), week.days()), (date(2011, 12, 26), date(2012, 1, 2), 7));
        assert_eq!(week.end_utc(&cal) - week.start_utc(&cal), TimeDelta::days(6));
        let mut instant = week.start_utc(&cal);
        let mut seen = std::collections::BTreeSet::new();
        while instant < week.end_utc(&cal) {
            seen.insert(cal.local_date(instant));
            instant += TimeDelta::minutes(30);
        }
        assert_eq!(seen.len(), 6);
        assert!(!seen.contains(&date(2011, 12, 30)));
    }

    #[test]
    fn lord_howe_shifts_by_half_an_hour() {
        let cal = Calendar::new(Australia::Lord_Howe, Weekday::Mon);
        // Standard time is UTC+10:30, summer time UTC+11.
        let spring = cal.period_of_date(PeriodKind::Day, date(2026, 10, 4));
        assert_eq!(spring.start_utc(&cal), utc("2026-10-03T13:30:00Z"));
        assert_eq!(hours(&spring, &cal), 23.5);
        let autumn = cal.period_of_date(PeriodKind::Day, date(2026, 4, 5));
        assert_eq!(hours(&autumn, &cal), 24.5);
        assert!(matches!(cal.local_to_utc(local(2026, 10, 4, 2, 15)), Err(LocalTimeError::Nonexistent { .. })));
        assert_eq!(cal.local_to_utc(local(2026, 10, 4, 2, 30)), Ok(utc("2026-10-03T15:30:00Z")));
        assert!(matches!(cal.local_to_utc(local(2026, 4, 5, 1, 45)), Err(LocalTimeError::Ambiguous { .. })));
        assert_eq!(cal.local_to_utc(local(2026, 4, 5, 2, 0)), Ok(utc("2026-04-04T15:30:00Z")));
        let noon = cal.local_to_utc(local(2026, 4, 5, 12, 0)).unwrap();
        assert!((autumn.elapsed_fraction(&cal, noon) - 12.5 / 24.5).abs() < 1e-12);
    }

    #[test]
    fn santiago_skips_midnight() {
        // Chile changes clocks at midnight: in spring the day starts at 01:00, in autumn the day before gets
        // the extra hour.
        let cal = Calendar::new(America::Santiago, Weekday::Mon);
        assert!(cal.local_to_utc(local(2026, 9, 6, 0, 0)).is_err());
        let spring = cal.period_of_date(PeriodKind::Day, date(2026, 9, 6));
        assert_eq!(spring.start_utc(&cal), utc("2026-09-06T04:00:00Z"));
        assert_eq!(cal.local_datetime(spring.start_utc(&cal)), local(2026, 9, 6, 1, 0));
        assert_eq!(hours(&spring, &cal), 23.0);
        let autumn = cal.period_of_date(PeriodKind::Day, date(2026, 4, 4));
        assert_eq!(hours(&autumn, &cal), 25.0);
        assert_eq!(autumn.end_utc(&cal), utc("2026-04-05T04:00:00Z"));
    }

    #[test]
    fn every_day_from_2000_to_2040_is_bounded_by_its_own_instants() {
        for tz in ZONES {
            let cal = Calendar::new(tz, Weekday::Mon);
            let mut day = cal.period_of_date(PeriodKind::Day, date(2000, 1, 1));
            while day.start() < date(2040, 1, 1) {
                let (start, end) = (day.start_utc(&cal), day.end_utc(&cal));
                assert!(start <= end, "{tz} {}", day.start());
                if start < end {
                    assert_eq!(cal.local_date(start), day.start(), "{tz}");
                    assert_eq!(cal.local_date(end - TimeDelta::seconds(1)), day.start(), "{tz}");
                } else {
                    assert_eq!((tz, day.start()), (Pacific::Apia, date(2011, 12, 30)));
                }
                day = day.next(&cal);
            }
        }
    }

    #[test]
    fn saturates_at_the_ends_of_the_calendar() {
        for tz in ZONES {
            let cal = Calendar::new(tz, Weekday::Sun);
            for &kind in PeriodKind::ALL {
                for d in [NaiveDate::MIN, NaiveDate::MAX] {
                    let period = cal.period_of_date(kind, d);
                    assert!(period.start() <= period.end());
                    let _ = (period.next(&cal), period.previous(&cal), period.label());
                    assert!(period.start_utc(&cal) <= period.end_utc(&cal));
                }
            }
            let _ = cal.local_date(DateTime::<Utc>::MAX_UTC);
            let _ = cal.local_date(DateTime::<Utc>::MIN_UTC);
        }
    }

    fn calendar_and_instant() -> impl Strategy<Value = (Calendar, DateTime<Utc>)> {
        // 2000-01-01T00:00:00Z to 2040-01-01T00:00:00Z.
        (0..ZONES.len(), 0..WEEKDAYS.len(), 946_684_800_i64..2_208_988_800).prop_map(|(zone, weekday, secs)| {
            (Calendar::new(ZONES[zone], WEEKDAYS[weekday]), DateTime::from_timestamp(secs, 0).unwrap())
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn instants_fall_inside_their_periods((cal, instant) in calendar_and_instant()) {
            for &kind in PeriodKind::ALL {
                let period = cal.period_containing(kind, instant);
                prop_assert!(period.start_utc(&cal) <= instant && instant < period.end_utc(&cal));
                prop_assert!(period.contains(cal.local_date(instant)));
                let fraction = period.elapsed_fraction(&cal, instant);
                prop_assert!((0.0..1.0).contains(&fraction));
            }
        }

        #[test]
        fn consecutive_periods_touch((cal, instant) in calendar_and_instant()) {
            for &kind in PeriodKind::ALL {
                let period = cal.period_containing(kind, instant);
                let next = period.next(&cal);
                prop_assert_eq!(next.start(), period.end());
                prop_assert_eq!(next.start_utc(&cal), period.end_utc(&cal));
                prop_assert_eq!(next.previous(&cal), period);
                prop_assert_eq!(period.previous(&cal).next(&cal), period);
                prop_assert_eq!(period.previous(&cal).end(), period.start());
            }
        }

        #[test]
        fn weeks_have_seven_dates((cal, instant) in calendar_and_instant()) {
            let week = cal.period_containing(PeriodKind::Week, instant);
            prop_assert_eq!(week.days(), 7);
            prop_assert_eq!(week.start().weekday(), cal.week_start());
        }

        #[test]
        fn periods_are_stable((cal, instant) in calendar_and_instant(), offset in 0_u64..400) {
            let d = cal.local_date(instant);
            for &kind in PeriodKind::ALL {
                let period = cal.period_of_date(kind, d);
                prop_assert!(period.contains(d));
                prop_assert!(period.contains(period.start()) && period.contains(period.last_day()));
                let inside = add_days(period.start(), offset % period.days() as u64);
                prop_assert_eq!(cal.period_of_date(kind, inside), period);
                prop_assert_eq!(period.remaining_days(period.start()), period.days());
            }
        }
    }

    fn april_years() -> Calendar {
        rome().with_fiscal_year_start(4)
    }

    #[test]
    fn a_fiscal_year_from_april_names_its_quarters_by_the_year_it_ends_in() {
        let cal = april_years();
        let q1 = cal.period_of_date(PeriodKind::Quarter, date(2026, 4, 1));
        assert_eq!((q1.start(), q1.end(), q1.label()), (date(2026, 4, 1), date(2026, 7, 1), "FY2027 Q1".to_owned()));
        let q4 = cal.period_of_date(PeriodKind::Quarter, date(2026, 3, 31));
        assert_eq!((q4.start(), q4.end(), q4.label()), (date(2026, 1, 1), date(2026, 4, 1), "FY2026 Q4".to_owned()));
        let q3 = cal.period_of_date(PeriodKind::Quarter, date(2026, 12, 31));
        assert_eq!((q3.start(), q3.label()), (date(2026, 10, 1), "FY2027 Q3".to_owned()));
        let year = cal.period_of_date(PeriodKind::Year, date(2027, 3, 31));
        assert_eq!((year.start(), year.end(), year.label()), (date(2026, 4, 1), date(2027, 4, 1), "FY2027".to_owned()));
        assert_eq!(cal.period_of_date(PeriodKind::Year, date(2027, 4, 1)).label(), "FY2028");
        assert_eq!(year.next(&cal).start(), date(2027, 4, 1));
        assert_eq!(q4.previous(&cal).start(), date(2025, 10, 1));
    }

    #[test]
    fn a_calendar_year_keeps_its_plain_names_and_other_periods_ignore_the_fiscal_year() {
        assert_eq!(rome().period_of_date(PeriodKind::Quarter, date(2026, 11, 3)).label(), "Q4 2026");
        assert_eq!(rome().period_of_date(PeriodKind::Year, date(2026, 11, 3)).label(), "2026");
        let cal = rome().with_fiscal_year_start(10);
        let q1 = cal.period_of_date(PeriodKind::Quarter, date(2026, 11, 3));
        assert_eq!((q1.start(), q1.label()), (date(2026, 10, 1), "FY2027 Q1".to_owned()));
        assert_eq!(cal.period_of_date(PeriodKind::Quarter, date(2026, 9, 30)).label(), "FY2026 Q4");
        for kind in [PeriodKind::Day, PeriodKind::Week, PeriodKind::Month] {
            let (plain, fiscal) =
                (rome().period_of_date(kind, date(2026, 5, 6)), cal.period_of_date(kind, date(2026, 5, 6)));
            assert_eq!((plain.start(), plain.end()), (fiscal.start(), fiscal.end()));
        }
        assert_eq!(rome().with_fiscal_year_start(13).fiscal_year_start(), 1, "out of range reads as January");
    }
}
