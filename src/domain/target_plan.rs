//! Planning targets period by period: what a grid cell writes in a holder's history, and
//! how a yearly figure is spread over the periods of a year (evenly, by working days, or by
//! a seasonality profile of twelve monthly weights).

use chrono::{Datelike, NaiveDate};

use super::Invalid;
use super::account::Locale;
use super::number;
use super::working_calendar::WorkingCalendar;

/// The value in force at `date` in a holder's history (`None`: the objective's).
fn in_force(history: &[(NaiveDate, Option<i64>)], date: NaiveDate) -> Option<i64> {
    history.iter().rev().find(|(from, _)| *from <= date).and_then(|(_, value)| *value)
}

/// One write to a holder's history: an entry at a date with a value (`Some(None)`: from
/// then on the objective's), or the entry at that date removed (`None`).
pub type EntryWrite = (NaiveDate, Option<Option<i64>>);

/// What setting the period [start, next) alone to `wanted` (none: the objective's) writes,
/// every other period keeping its target: the entry at `start`, and one at `next` putting
/// back what followed; entries that repeat what is in force before them go.
pub fn cell_writes(
    history: &[(NaiveDate, Option<i64>)],
    start: NaiveDate,
    next: NaiveDate,
    wanted: Option<i64>,
) -> Vec<EntryWrite> {
    let mut after: Vec<(NaiveDate, Option<i64>)> = history.to_vec();
    let followed = in_force(history, next);
    let mut put = |date: NaiveDate, value: Option<i64>, replace: bool| match after.iter().position(|(d, _)| *d == date)
    {
        Some(i) if replace => after[i].1 = value,
        Some(_) => {}
        None => {
            after.push((date, value));
            after.sort_by_key(|(d, _)| *d);
        }
    };
    put(start, wanted, true);
    put(next, followed, false);
    let mut writes = Vec::new();
    for date in [start, next] {
        let before = after.iter().rev().find(|(d, _)| *d < date).and_then(|(_, value)| *value);
        let entry = after.iter().find(|(d, _)| *d == date).map(|(_, value)| *value);
        let was = history.iter().find(|(d, _)| *d == date).map(|(_, value)| *value);
        let kept = entry.filter(|value| *value != before);
        if kept.is_none() {
            after.retain(|(d, _)| *d != date);
        }
        match (was, kept) {
            (Some(_), None) => writes.push((date, None)),
            (was, Some(value)) if was != Some(value) => writes.push((date, Some(value))),
            _ => {}
        }
    }
    writes
}

/// How a yearly figure is spread over a year's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    Evenly,
    WorkingDays,
    Seasonality,
}

impl std::str::FromStr for Spread {
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Invalid> {
        match text.trim() {
            "evenly" => Ok(Spread::Evenly),
            "working_days" => Ok(Spread::WorkingDays),
            "seasonality" => Ok(Spread::Seasonality),
            _ => Err(Invalid::new("choose-spread")),
        }
    }
}

/// Twelve monthly weights, January first, in hundredths (`8.5` is 850): a month's share of
/// the year is its weight over the twelve's sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seasonality(pub [i64; 12]);

impl Default for Seasonality {
    fn default() -> Self {
        Seasonality([100; 12])
    }
}

impl Seasonality {
    /// Twelve weights as typed, each zero or more with at most two decimals, not all zero.
    pub fn parse(locale: Locale, typed: &[String]) -> Result<Self, Invalid> {
        if typed.len() != 12 {
            return Err(Invalid::new("seasonality-twelve"));
        }
        let mut weights = [0; 12];
        for (weight, raw) in weights.iter_mut().zip(typed) {
            let value = number::parse(locale, raw.trim()).map_err(|_| Invalid::new("seasonality-weight"))?;
            let hundredths = (value * rust_decimal::Decimal::ONE_HUNDRED).normalize();
            if value.is_sign_negative() || hundredths.fract() != rust_decimal::Decimal::ZERO {
                return Err(Invalid::new("seasonality-weight"));
            }
            *weight = hundredths.to_string().parse().map_err(|_| Invalid::new("seasonality-weight"))?;
        }
        if weights.iter().all(|w| *w == 0) {
            return Err(Invalid::new("seasonality-all-zero"));
        }
        Ok(Seasonality(weights))
    }

    /// Stored as `100,100,…` (twelve hundredths).
    pub fn to_stored(&self) -> String {
        self.0.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
    }

    pub fn from_stored(stored: &str) -> Self {
        let weights: Vec<i64> = stored.split(',').filter_map(|w| w.trim().parse().ok()).collect();
        <[i64; 12]>::try_from(weights).map_or_else(|_| Self::default(), Seasonality)
    }

    /// For a form: `8.5`, `1.250` as the reader writes decimals.
    pub fn to_form(&self, locale: Locale) -> Vec<String> {
        self.0.iter().map(|w| number::to_input(locale, rust_decimal::Decimal::new(*w, 2).normalize())).collect()
    }

    /// The weight of the days [start, end): each day its month's weight over the month's
    /// length, so a month weighs its weight and a quarter the sum of its three.
    fn weight(&self, start: NaiveDate, end: NaiveDate) -> f64 {
        start
            .iter_days()
            .take_while(|day| *day < end)
            .map(|day| self.0[day.month0() as usize] as f64 / days_in_month(day) as f64)
            .sum()
    }
}

fn days_in_month(day: NaiveDate) -> u32 {
    let first = day.with_day(1).unwrap_or(day);
    let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(first);
    u32::try_from((next - first).num_days()).unwrap_or(30)
}

/// Each period's weight under `spread`: periods as local dates [start, end).
pub fn weights(
    spread: Spread,
    periods: &[(NaiveDate, NaiveDate)],
    working: &WorkingCalendar,
    profile: &Seasonality,
) -> Vec<f64> {
    periods
        .iter()
        .map(|(start, end)| match spread {
            Spread::Evenly => 1.0,
            Spread::WorkingDays => {
                start.iter_days().take_while(|d| d < end).filter(|d| working.is_working(*d)).count() as f64
            }
            Spread::Seasonality => profile.weight(*start, *end),
        })
        .collect()
}

/// `total` (cents, or a count) split by `weights`: each part its share rounded to the unit
/// (the cent, or one), the rounding remainder in the last part. None when every weight is
/// zero.
pub fn split(total: i64, weights: &[f64]) -> Option<Vec<i64>> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return None;
    }
    let mut parts: Vec<i64> = weights.iter().map(|w| (total as f64 * w / sum).round() as i64).collect();
    let given: i64 = parts.iter().take(parts.len() - 1).sum();
    if let Some(last) = parts.last_mut() {
        *last = total - given;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::working_calendar::WorkingDays;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn months(first: NaiveDate, count: u32) -> Vec<(NaiveDate, NaiveDate)> {
        (0..count)
            .map(|i| {
                let start = first.checked_add_months(chrono::Months::new(i)).expect("a month");
                (start, start.checked_add_months(chrono::Months::new(1)).expect("a month"))
            })
            .collect()
    }

    #[test]
    fn a_cell_changes_its_period_alone() {
        let (nov, dec, jan) = (date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1));
        // Nothing of their own: December gets 7, January goes back to the objective's.
        assert_eq!(cell_writes(&[], dec, jan, Some(7)), [(dec, Some(Some(7))), (jan, Some(None))]);
        // Their own 5 from November: December 7, January 5 again.
        let own = [(nov, Some(5))];
        assert_eq!(cell_writes(&own, dec, jan, Some(7)), [(dec, Some(Some(7))), (jan, Some(Some(5)))]);
        // The same as what is in force: nothing to write.
        assert_eq!(cell_writes(&own, dec, jan, Some(5)), []);
        // Back to what came before it: both entries go.
        let planned = [(nov, Some(5)), (dec, Some(7)), (jan, Some(5))];
        assert_eq!(cell_writes(&planned, dec, jan, Some(5)), [(dec, None), (jan, None)]);
        // Emptied where the next period has its own: the next keeps it.
        let next_own = [(dec, Some(7)), (jan, Some(9))];
        assert_eq!(cell_writes(&next_own, dec, jan, None), [(dec, None)]);
    }

    #[test]
    fn a_yearly_figure_spread_by_working_days_over_a_fiscal_year_from_april() {
        let working = WorkingCalendar { days: WorkingDays::default(), holidays: Default::default() };
        let periods = months(date(2026, 4, 1), 12);
        let weights = weights(Spread::WorkingDays, &periods, &working, &Seasonality::default());
        // April 2026 has 22 weekdays, May 21, ... 261 in the fiscal year.
        assert_eq!(weights[0], 22.0);
        assert_eq!(weights.iter().sum::<f64>(), 261.0);
        let parts = split(12_000_000, &weights).expect("a split");
        let share = |days: f64| (12_000_000.0 * days / 261.0).round() as i64;
        for (part, days) in parts.iter().zip(&weights).take(11) {
            assert_eq!(*part, share(*days));
        }
        assert_eq!(parts.iter().sum::<i64>(), 12_000_000, "the remainder goes to the last month");
        assert_eq!(parts[0], 1_011_494, "April: 22 of 261 working days, to the cent");
    }

    #[test]
    fn evenly_and_by_seasonality() {
        let periods = months(date(2027, 1, 1), 12);
        let working = WorkingCalendar { days: WorkingDays::default(), holidays: Default::default() };
        let even = split(100, &weights(Spread::Evenly, &periods, &working, &Seasonality::default())).expect("a split");
        assert_eq!(even[..11], [8; 11]);
        assert_eq!(even[11], 12);
        let mut profile = [100; 12];
        profile[7] = 0;
        profile[11] = 200;
        let profile = Seasonality(profile);
        let seasonal = split(1_200, &weights(Spread::Seasonality, &periods, &working, &profile)).expect("a split");
        assert_eq!(seasonal[7], 0, "August off");
        assert_eq!((seasonal[0], seasonal[11]), (100, 200), "December double");
        let uneven = split(1_000, &weights(Spread::Seasonality, &periods, &working, &profile)).expect("a split");
        assert_eq!(uneven[0], 83, "1,000 × 100 / 1,200, rounded");
        assert_eq!(uneven[11], 1_000 - 83 * 10, "the remainder in the last month");
        let quarters = [(date(2027, 1, 1), date(2027, 4, 1)), (date(2027, 4, 1), date(2027, 7, 1))];
        let q = weights(Spread::Seasonality, &quarters, &working, &profile);
        assert!((q[0] - 300.0).abs() < 1e-9, "a quarter weighs its three months");
        assert_eq!(split(5, &[0.0, 0.0]), None);
    }

    #[test]
    fn seasonality_weights_are_typed_with_decimals_and_refused_when_negative_or_all_zero() {
        let typed = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let twelve = typed(&["8.5", "8", "9", "9", "9", "8", "7", "3", "9", "10", "10", "9.5"]);
        let parsed = Seasonality::parse(Locale::En, &twelve).expect("valid");
        assert_eq!(parsed.0[0], 850);
        assert_eq!(Seasonality::from_stored(&parsed.to_stored()), parsed);
        assert_eq!(parsed.to_form(Locale::It)[0], "8,5");
        assert!(Seasonality::parse(Locale::En, &typed(&["1"; 11])).is_err());
        let mut negative = twelve.clone();
        negative[2] = "-1".into();
        assert!(Seasonality::parse(Locale::En, &negative).is_err());
        assert!(Seasonality::parse(Locale::En, &typed(&["0"; 12])).is_err());
        let mut fine = twelve;
        fine[0] = "1.234".into();
        assert!(Seasonality::parse(Locale::En, &fine).is_err(), "at most two decimals");
    }
}
