//! Which stored running totals to read for a range of local dates.
//!
//! Totals are kept per local day and per local month (a month bucket is keyed by the month's first date). A
//! statistic over [start, end) reads the month buckets of the whole months inside it and the day buckets of
//! the partial months at either edge, so a year costs 12 reads instead of 365.

use chrono::{Datelike, Months, NaiveDate};

/// The buckets that together cover a range of local dates exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BucketPlan {
    /// First dates of the whole months fully inside the range, ascending.
    pub months: Vec<NaiveDate>,
    /// Half-open ranges of days not covered by `months`: at most a head and a tail, ascending, none empty.
    pub day_ranges: Vec<(NaiveDate, NaiveDate)>,
}

/// The buckets covering [start, end); empty when `end <= start`.
pub fn plan(start: NaiveDate, end: NaiveDate) -> BucketPlan {
    if end <= start {
        return BucketPlan::default();
    }
    // Whole months run from the first month boundary at or after `start` to the last one at or before `end`.
    let first = if month_start(start) == start { start } else { next_month(start) };
    let last = month_start(end);
    if first >= last {
        return BucketPlan { months: Vec::new(), day_ranges: vec![(start, end)] };
    }
    let mut months = Vec::new();
    let mut month = first;
    while month < last {
        months.push(month);
        month = next_month(month);
    }
    let day_ranges = [(start, first), (last, end)].into_iter().filter(|(from, to)| from < to).collect();
    BucketPlan { months, day_ranges }
}

/// Buckets that also keep whole calendar years (objective buckets): the years fully inside
/// the range, and month and day plans for what lies before and after them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearPlan {
    /// First dates (1 January) of the whole years inside the range, ascending.
    pub years: Vec<NaiveDate>,
    /// The parts outside those years, each planned in months and days.
    pub parts: Vec<BucketPlan>,
}

/// The buckets covering [start, end) with year buckets where whole years fit.
pub fn plan_with_years(start: NaiveDate, end: NaiveDate) -> YearPlan {
    if end <= start {
        return YearPlan::default();
    }
    let first = if year_start(start) == start { start } else { next_year(start) };
    let last = year_start(end);
    if first >= last {
        return YearPlan { years: Vec::new(), parts: vec![plan(start, end)] };
    }
    let mut years = Vec::new();
    let mut year = first;
    while year < last {
        years.push(year);
        year = next_year(year);
    }
    let parts = [(start, first), (last, end)].into_iter().filter(|(from, to)| from < to).map(|(f, t)| plan(f, t));
    YearPlan { years, parts: parts.collect() }
}

/// 1 January of the year containing `date`: the key of its year bucket.
pub fn year_start(date: NaiveDate) -> NaiveDate {
    // 1 January exists in every year, so the fallback never applies.
    date.with_ordinal(1).unwrap_or(date)
}

/// 1 January of the year after the one containing `date`, saturating at the end of chrono's range.
fn next_year(date: NaiveDate) -> NaiveDate {
    year_start(date).checked_add_months(Months::new(12)).unwrap_or(NaiveDate::MAX)
}

/// The first date of the month containing `date`: the key of its month bucket.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    // Day 1 exists in every month, so the fallback never applies.
    date.with_day(1).unwrap_or(date)
}

/// The first date of the month after the one containing `date`, saturating at the end of chrono's range.
fn next_month(date: NaiveDate) -> NaiveDate {
    month_start(date).checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::super::period::{Calendar, PeriodKind};
    use super::*;
    use chrono::{Days, Weekday};
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Every date the plan reads, in order, with month buckets expanded to their days.
    fn covered(plan: &BucketPlan) -> Vec<NaiveDate> {
        let mut ranges: Vec<_> =
            plan.months.iter().map(|&m| (m, next_month(m))).chain(plan.day_ranges.clone()).collect();
        ranges.sort();
        ranges.into_iter().flat_map(|(from, to)| from.iter_days().take_while(move |d| *d < to)).collect()
    }

    fn all_dates(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        start.iter_days().take_while(|d| *d < end).collect()
    }

    #[test]
    fn empty_and_reversed_ranges_plan_nothing() {
        assert_eq!(plan(date(2026, 5, 1), date(2026, 5, 1)), BucketPlan::default());
        assert_eq!(plan(date(2026, 5, 2), date(2026, 5, 1)), BucketPlan::default());
    }

    #[test]
    fn a_calendar_year_reads_one_year_bucket() {
        let cal = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        let year = cal.period_of_date(PeriodKind::Year, date(2026, 7, 14));
        assert_eq!(
            plan_with_years(year.start(), year.end()),
            YearPlan { years: vec![date(2026, 1, 1)], parts: vec![] }
        );
        let quarter = cal.period_of_date(PeriodKind::Quarter, date(2026, 11, 27));
        let quarter_plan = plan_with_years(quarter.start(), quarter.end());
        assert!(quarter_plan.years.is_empty());
        assert_eq!(quarter_plan.parts, vec![plan(quarter.start(), quarter.end())]);
        let across = plan_with_years(date(2025, 12, 15), date(2027, 1, 10));
        assert_eq!(across.years, vec![date(2026, 1, 1)]);
        assert_eq!(
            across.parts,
            vec![plan(date(2025, 12, 15), date(2026, 1, 1)), plan(date(2027, 1, 1), date(2027, 1, 10))]
        );
    }

    #[test]
    fn a_year_reads_twelve_months() {
        let cal = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        let year = cal.period_of_date(PeriodKind::Year, date(2026, 7, 14));
        let plan = plan(year.start(), year.end());
        assert_eq!(plan.months, (1..=12).map(|m| date(2026, m, 1)).collect::<Vec<_>>());
        assert!(plan.day_ranges.is_empty());
    }

    #[test]
    fn a_week_reads_days_only() {
        let cal = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        // This week straddles a month boundary but is still a single range of days.
        let week = cal.period_of_date(PeriodKind::Week, date(2026, 11, 30));
        let plan = plan(week.start(), week.end());
        assert!(plan.months.is_empty());
        assert_eq!(plan.day_ranges, vec![(date(2026, 11, 30), date(2026, 12, 7))]);
    }

    #[test]
    fn months_and_quarters_read_their_months() {
        let cal = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        let month = cal.period_of_date(PeriodKind::Month, date(2024, 2, 10));
        assert_eq!(plan(month.start(), month.end()).months, vec![date(2024, 2, 1)]);
        let quarter = cal.period_of_date(PeriodKind::Quarter, date(2026, 11, 27));
        let quarter_plan = plan(quarter.start(), quarter.end());
        assert_eq!(quarter_plan.months, vec![date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]);
        assert!(quarter_plan.day_ranges.is_empty());
    }

    #[test]
    fn partial_months_at_both_edges() {
        let plan = plan(date(2026, 1, 20), date(2026, 4, 10));
        assert_eq!(plan.months, vec![date(2026, 2, 1), date(2026, 3, 1)]);
        assert_eq!(plan.day_ranges, vec![(date(2026, 1, 20), date(2026, 2, 1)), (date(2026, 4, 1), date(2026, 4, 10))]);
    }

    #[test]
    fn within_one_month_or_across_one_boundary() {
        assert_eq!(plan(date(2026, 1, 1), date(2026, 1, 31)).day_ranges, vec![(date(2026, 1, 1), date(2026, 1, 31))]);
        let across = plan(date(2026, 1, 15), date(2026, 2, 15));
        assert!(across.months.is_empty());
        assert_eq!(across.day_ranges, vec![(date(2026, 1, 15), date(2026, 2, 15))]);
    }

    #[test]
    fn saturates_at_the_end_of_the_calendar() {
        let last_month = month_start(NaiveDate::MAX);
        let plan = plan(last_month, NaiveDate::MAX);
        assert_eq!(plan.day_ranges, vec![(last_month, NaiveDate::MAX)]);
        assert_eq!(month_start(date(2026, 2, 28)), date(2026, 2, 1));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn covers_every_date_exactly_once(start_offset in 0_u64..15_000, len in 0_u64..1_100) {
            let start = date(2000, 1, 1) + Days::new(start_offset);
            let end = start + Days::new(len);
            let plan = plan(start, end);
            prop_assert_eq!(covered(&plan), all_dates(start, end));
            prop_assert!(plan.months.windows(2).all(|pair| pair[0] < pair[1]));
            prop_assert!(plan.months.iter().all(|&m| m == month_start(m) && start <= m && next_month(m) <= end));
            prop_assert!(plan.day_ranges.len() <= 2);
            prop_assert!(plan.day_ranges.iter().all(|(from, to)| from < to));
            prop_assert!(plan.day_ranges.windows(2).all(|pair| pair[0].1 <= pair[1].0));
        }

        #[test]
        fn with_years_covers_every_date_exactly_once(start_offset in 0_u64..15_000, len in 0_u64..1_500) {
            let start = date(2000, 1, 1) + Days::new(start_offset);
            let end = start + Days::new(len);
            let with_years = plan_with_years(start, end);
            let mut dates: Vec<NaiveDate> = with_years
                .years
                .iter()
                .flat_map(|&y| y.iter_days().take_while(move |d| *d < next_year(y)))
                .chain(with_years.parts.iter().flat_map(covered))
                .collect();
            dates.sort();
            prop_assert_eq!(dates, all_dates(start, end));
            prop_assert!(with_years.years.iter().all(|&y| y == year_start(y) && start <= y && next_year(y) <= end));
        }
    }
}
