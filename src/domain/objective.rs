//! Objectives: their kinds, what they count, their one or two period targets, and which
//! target is in force for a given period.

use chrono::{DateTime, NaiveDate, Utc};

use super::Invalid;
use super::account::Locale;
use super::form::FieldErrors;
use super::money::{Amount, MoneyStyle};
use super::number;
use super::period::{Calendar, PeriodKind};
use super::recording::SubjectKind;

/// More objectives than this for one user earns a warning: too many demotivate.
pub const TOO_MANY_OBJECTIVES: usize = 5;
/// An objective has one or two period targets, never more.
pub const MAX_PERIOD_TARGETS: usize = 2;

crate::text_enum! {
    /// What an objective measures: work done (activities) or won leads.
    pub enum ObjectiveKind ("choose-objective-kind") {
        Activity => "activity" / "objective-kind-activity",
        Sales => "sales" / "objective-kind-sales",
    }
}

crate::text_enum! {
    /// What a sales objective sums: revenue, or the number of won leads.
    pub enum SalesMetric ("choose-sales-metric") {
        Revenue => "revenue" / "sales-metric-revenue",
        WonCount => "won_count" / "sales-metric-won-count",
    }
}

crate::text_enum! {
    /// Whose activities an activity objective counts: on prospects, on leads or both.
    pub enum Context ("choose-context") {
        Prospects => "prospects" / "context-prospects",
        Leads => "leads" / "context-leads",
        Both => "both" / "context-both",
    }
}

impl Context {
    /// The subjects whose activities count.
    pub fn subjects(self) -> &'static [SubjectKind] {
        match self {
            Context::Prospects => &[SubjectKind::Prospect],
            Context::Leads => &[SubjectKind::Lead],
            Context::Both => &[SubjectKind::Lead, SubjectKind::Prospect],
        }
    }
}

/// How a target's value reads: money in cents, or a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Money,
    Count,
}

impl Measure {
    pub fn of(kind: ObjectiveKind, metric: Option<SalesMetric>) -> Self {
        match (kind, metric) {
            (ObjectiveKind::Sales, Some(SalesMetric::Revenue)) => Measure::Money,
            _ => Measure::Count,
        }
    }

    /// A target as typed: a positive amount with at most two decimals (kept in cents), or
    /// a positive whole number.
    pub fn parse_target(self, locale: Locale, raw: &str) -> Result<i64, Invalid> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(Invalid::new("target-required"));
        }
        let value = match self {
            Measure::Money => Amount::parse(locale, text)?.cents(),
            Measure::Count => number::parse(locale, text)?
                .to_string()
                .parse::<i64>()
                .map_err(|_| Invalid::new("target-whole-number"))?,
        };
        if value <= 0 {
            return Err(Invalid::new("target-positive"));
        }
        Ok(value)
    }

    /// For a file: `1250.50` or `10`.
    pub fn to_input(self, value: i64) -> String {
        match self {
            Measure::Money => Amount::from_cents(value).to_input(),
            Measure::Count => value.to_string(),
        }
    }

    /// For a form, grouped as the reader reads it: `1.250,50` or `1,200`.
    pub fn to_form(self, locale: Locale, value: i64) -> String {
        match self {
            Measure::Money => Amount::from_cents(value).to_form(locale),
            Measure::Count => number::integer(locale, value),
        }
    }

    /// For reading: `€1,250.50` or `1.250,50 €`, `1,250` or `1.250`.
    pub fn display(self, value: i64, money: &MoneyStyle) -> String {
        match self {
            Measure::Money => Amount::from_cents(value).display(money),
            Measure::Count => number::integer(money.locale, value),
        }
    }

    /// For reading at a glance: money in whole units (`€263,124`), counts as they are.
    pub fn display_whole(self, value: i64, money: &MoneyStyle) -> String {
        match self {
            Measure::Money => money.format_whole(value),
            Measure::Count => number::integer(money.locale, value),
        }
    }
}

/// The period targets of a form: `(period_n, target_n)` for n = 1, 2, 3 as typed. The first
/// is required, the second optional, a third is refused; two targets need two periods.
pub fn parse_period_targets(
    measure: Measure,
    locale: Locale,
    typed: [(&str, &str); 3],
) -> Result<Vec<(PeriodKind, i64)>, FieldErrors> {
    const FIELDS: [(&str, &str); 3] = [("period_1", "target_1"), ("period_2", "target_2"), ("period_3", "target_3")];
    let mut errors = FieldErrors::new();
    let mut targets: Vec<(PeriodKind, i64)> = Vec::new();
    for (index, ((period, target), (period_field, target_field))) in typed.iter().zip(FIELDS).enumerate() {
        let (period, target) = (period.trim(), target.trim());
        if index > 0 && period.is_empty() && target.is_empty() {
            continue;
        }
        if index >= MAX_PERIOD_TARGETS {
            errors.add(period_field, "targets-at-most-two");
            continue;
        }
        let kind = if period.is_empty() {
            errors.add(period_field, "choose-period");
            None
        } else {
            errors.check(period_field, period.parse::<PeriodKind>().map_err(|_| Invalid::new("choose-period")))
        };
        let value = errors.check(target_field, measure.parse_target(locale, target));
        if let Some(kind) = kind {
            if targets.iter().any(|(existing, _)| *existing == kind) {
                errors.add(period_field, "targets-different-periods");
            } else if let Some(value) = value {
                targets.push((kind, value));
            }
        }
    }
    errors.into_result().map(|()| targets)
}

/// Where the first target of a period kind takes effect: the beginning of time, as far as
/// the product counts it (the first day of the accepted range of dates).
pub const FROM_THE_START: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(date) => date,
    None => panic!("1900-01-01 is a date"),
};

/// The first day from which a target set on `today` applies, given the history of that
/// period kind's targets (`(effective_from, value)`, ascending): the first target is in
/// force from the start; a change applies from the start of the current period, so closed
/// periods keep the target that was in force then (rule 6). A second change in the same
/// period replaces the first change only.
pub fn effective_from(
    calendar: &Calendar,
    period: PeriodKind,
    today: NaiveDate,
    history: &[(NaiveDate, i64)],
) -> NaiveDate {
    if history.is_empty() { FROM_THE_START } else { calendar.period_of_date(period, today).start() }
}

/// A period kind's target history on another calendar (a new zone, week start or fiscal
/// year): each change applies from the start of the period that held the moment it was
/// set, read on `calendar`; of two changes that now fall in one period the later stands;
/// the first target stays in force from the start. `(effective_from, value, set_at)` in,
/// `(effective_from, value, set_at)` out, ascending.
pub fn redated<T: Copy>(
    calendar: &Calendar,
    period: PeriodKind,
    history: &[(NaiveDate, T, DateTime<Utc>)],
) -> Vec<(NaiveDate, T, DateTime<Utc>)> {
    let mut by_set_at = history.to_vec();
    by_set_at.sort_by_key(|(from, _, set_at)| (*set_at, *from));
    let mut redated: std::collections::BTreeMap<NaiveDate, (T, DateTime<Utc>)> = Default::default();
    for (from, value, set_at) in by_set_at {
        let from = if from == FROM_THE_START {
            FROM_THE_START
        } else {
            calendar.period_of_date(period, calendar.local_date(set_at)).start()
        };
        redated.insert(from, (value, set_at));
    }
    redated.into_iter().map(|(from, (value, set_at))| (from, value, set_at)).collect()
}

/// The target in force for the period starting on `period_start`, from a history of
/// `(effective_from, value)` in ascending order: the latest that began on or before it
/// (before the first, the first: a history written before the first target was in force
/// from the start).
pub fn target_in_force(history: &[(NaiveDate, i64)], period_start: NaiveDate) -> Option<i64> {
    history.iter().rev().find(|(from, _)| *from <= period_start).or(history.first()).map(|(_, value)| *value)
}

/// An objective's optional first and last day (the last included), local dates of the
/// account: a campaign, a quarter's push. Nothing counts outside them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dates {
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl Dates {
    /// The dates as typed (`YYYY-MM-DD`, each optional); an end before the start is refused.
    pub fn parse(starts_on: &str, ends_on: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let starts_on = errors.check("starts_on", super::range::parse_date(starts_on)).flatten();
        let ends_on = errors.check("ends_on", super::range::parse_date(ends_on)).flatten();
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                errors.add("ends_on", "objective-ends-before-it-starts");
            }
        }
        errors.into_result().map(|()| Self { starts_on, ends_on })
    }

    /// The local dates [start, end) narrowed to the objective's; none where they do not meet.
    pub fn clip(&self, start: NaiveDate, end: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.starts_on.map_or(start, |first| first.max(start));
        let end = self.ends_on.and_then(|last| last.succ_opt()).map_or(end, |after| after.min(end));
        (start < end).then_some((start, end))
    }

    /// Whether its last day has gone by on `today`.
    pub fn has_ended(&self, today: NaiveDate) -> bool {
        self.ends_on.is_some_and(|last| last < today)
    }
}

/// A holder's own target history for one period kind: `(effective_from, value)` ascending,
/// `None` from where they follow the objective's target again.
pub type HolderHistory = [(NaiveDate, Option<i64>)];

/// The entry of a holder's history in force for the period starting on `period_start`, if
/// any: before their first entry they have none of their own.
fn holder_entry(holder: &HolderHistory, period_start: NaiveDate) -> Option<i64> {
    holder.iter().rev().find(|(from, _)| *from <= period_start).and_then(|(_, value)| *value)
}

/// A holder's target for the period starting on `period_start`: their own where one is in
/// force, else the objective's (`objective` as for [`target_in_force`]).
pub fn holder_target_in_force(
    objective: &[(NaiveDate, i64)],
    holder: &HolderHistory,
    period_start: NaiveDate,
) -> Option<i64> {
    target_in_force(objective, period_start)?;
    holder_entry(holder, period_start).or_else(|| target_in_force(objective, period_start))
}

/// Whether the holder's own target, not the objective's, is in force for that period.
pub fn holder_has_own_target(holder: &HolderHistory, period_start: NaiveDate) -> bool {
    holder_entry(holder, period_start).is_some()
}

/// What setting a holder's own target to `wanted` (`None`: the objective's) writes at
/// `from`, the start of the current period: a holder's target changes like the
/// objective's (rule 6), so closed periods keep the one they had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderTargetChange {
    /// What is in force already.
    Unchanged,
    /// An entry at `from` with this value.
    Write(Option<i64>),
    /// The entry at `from` goes: what was in force before it stands again.
    Drop,
}

pub fn holder_target_change(history: &HolderHistory, from: NaiveDate, wanted: Option<i64>) -> HolderTargetChange {
    let before = history.iter().rev().find(|(f, _)| *f < from).and_then(|(_, value)| *value);
    let at_from = history.iter().find(|(f, _)| *f == from).map(|(_, value)| *value);
    match at_from {
        _ if wanted == before && at_from.is_some() => HolderTargetChange::Drop,
        None if wanted == before => HolderTargetChange::Unchanged,
        Some(current) if current == wanted => HolderTargetChange::Unchanged,
        _ => HolderTargetChange::Write(wanted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::message::Message;
    use chrono::Weekday;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn words_round_trip() {
        for &kind in ObjectiveKind::ALL {
            assert_eq!(kind.as_str().parse::<ObjectiveKind>(), Ok(kind));
        }
        assert_eq!("won_count".parse::<SalesMetric>(), Ok(SalesMetric::WonCount));
        assert!("profit".parse::<SalesMetric>().is_err());
        assert_eq!(Context::Both.subjects(), [SubjectKind::Lead, SubjectKind::Prospect]);
    }

    #[test]
    fn money_targets_allow_two_decimals_counts_are_whole() {
        assert_eq!(Measure::Money.parse_target(Locale::En, "50000"), Ok(5_000_000));
        assert_eq!(Measure::Money.parse_target(Locale::En, "15000.50"), Ok(1_500_050));
        assert!(Measure::Money.parse_target(Locale::En, "1.234").is_err());
        assert_eq!(Measure::Count.parse_target(Locale::En, " 10 "), Ok(10));
        for bad in ["2.5", "0", "-1", "", "ten"] {
            assert!(Measure::Count.parse_target(Locale::En, bad).is_err(), "{bad}");
        }
        assert!(Measure::Money.parse_target(Locale::En, "0").is_err());
    }

    #[test]
    fn one_or_two_period_targets_are_accepted() {
        let one = parse_period_targets(Measure::Count, Locale::En, [("week", "50"), ("", ""), ("", "")]);
        assert_eq!(one, Ok(vec![(PeriodKind::Week, 50)]));
        let two = parse_period_targets(Measure::Money, Locale::En, [("year", "50000"), ("quarter", "15000"), ("", "")]);
        assert_eq!(two, Ok(vec![(PeriodKind::Year, 5_000_000), (PeriodKind::Quarter, 1_500_000)]));
    }

    #[test]
    fn a_missing_first_a_third_or_a_repeated_period_is_refused() {
        let errors =
            parse_period_targets(Measure::Count, Locale::En, [("", ""), ("", ""), ("", "")]).expect_err("refused");
        assert_eq!(errors.get("period_1"), Some(&Message::new("choose-period")));
        let errors = parse_period_targets(Measure::Count, Locale::En, [("day", "1"), ("week", "5"), ("month", "20")])
            .expect_err("refused");
        assert_eq!(errors.get("period_3"), Some(&Message::new("targets-at-most-two")));
        let errors = parse_period_targets(Measure::Count, Locale::En, [("week", "1"), ("week", "5"), ("", "")])
            .expect_err("refused");
        assert_eq!(errors.get("period_2"), Some(&Message::new("targets-different-periods")));
        let errors = parse_period_targets(Measure::Count, Locale::En, [("week", "1"), ("month", ""), ("", "")])
            .expect_err("refused");
        assert_eq!(errors.get("target_2"), Some(&Message::new("target-required")));
    }

    #[test]
    fn a_changed_target_applies_from_the_start_of_the_current_period() {
        let calendar = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        let today = date(2026, 11, 27);
        let history = [(FROM_THE_START, 50)];
        assert_eq!(effective_from(&calendar, PeriodKind::Week, today, &history), date(2026, 11, 23));
        assert_eq!(effective_from(&calendar, PeriodKind::Quarter, today, &history), date(2026, 10, 1));
    }

    #[test]
    fn the_first_target_is_in_force_from_the_start() {
        let calendar = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        assert_eq!(effective_from(&calendar, PeriodKind::Week, date(2026, 11, 27), &[]), FROM_THE_START);
        // Created at 50 this week, changed to 70 this week: every earlier week keeps 50.
        let history = [(FROM_THE_START, 50), (date(2026, 11, 23), 70)];
        assert_eq!(target_in_force(&history, date(2026, 11, 16)), Some(50));
        assert_eq!(target_in_force(&history, date(2020, 1, 6)), Some(50));
        assert_eq!(target_in_force(&history, date(2026, 11, 23)), Some(70));
    }

    #[test]
    fn closed_periods_keep_their_target_and_earlier_ones_use_the_first() {
        let history = [(date(2026, 1, 1), 10), (date(2026, 6, 1), 12), (date(2026, 11, 1), 15)];
        assert_eq!(target_in_force(&history, date(2025, 12, 1)), Some(10), "before the first target");
        assert_eq!(target_in_force(&history, date(2026, 5, 1)), Some(10));
        assert_eq!(target_in_force(&history, date(2026, 6, 1)), Some(12));
        assert_eq!(target_in_force(&history, date(2026, 12, 1)), Some(15));
        assert_eq!(target_in_force(&[], date(2026, 12, 1)), None);
    }

    #[test]
    fn dates_clip_periods_and_refuse_an_end_before_the_start() {
        let campaign = Dates::parse("2026-12-01", "2026-12-15").expect("valid dates");
        assert_eq!(campaign.clip(date(2026, 11, 30), date(2026, 12, 7)), Some((date(2026, 12, 1), date(2026, 12, 7))));
        assert_eq!(
            campaign.clip(date(2026, 12, 14), date(2026, 12, 21)),
            Some((date(2026, 12, 14), date(2026, 12, 16)))
        );
        assert_eq!(campaign.clip(date(2026, 12, 16), date(2026, 12, 17)), None, "the day after the last");
        assert_eq!(campaign.clip(date(2026, 11, 30), date(2026, 12, 1)), None, "the day before the first");
        assert_eq!(
            Dates::default().clip(date(2026, 1, 1), date(2027, 1, 1)),
            Some((date(2026, 1, 1), date(2027, 1, 1)))
        );
        assert!(campaign.has_ended(date(2026, 12, 16)) && !campaign.has_ended(date(2026, 12, 15)));
        let errors = Dates::parse("2026-12-15", "2026-12-01").expect_err("refused");
        assert_eq!(errors.get("ends_on"), Some(&Message::new("objective-ends-before-it-starts")));
        let errors = Dates::parse("1 Dec", "").expect_err("refused");
        assert!(errors.get("starts_on").is_some());
        assert_eq!(Dates::parse(" ", ""), Ok(Dates::default()));
    }

    #[test]
    fn a_holder_follows_the_objective_until_their_own_target_and_from_when_it_is_lifted() {
        let objective = [(FROM_THE_START, 100_000), (date(2026, 7, 1), 120_000)];
        let holder = [(date(2026, 10, 1), Some(150_000)), (date(2027, 1, 1), None)];
        assert_eq!(holder_target_in_force(&objective, &holder, date(2026, 9, 1)), Some(120_000));
        assert!(!holder_has_own_target(&holder, date(2026, 9, 1)));
        // The edge: the period that starts on the entry's date has it, the one before not.
        assert_eq!(holder_target_in_force(&objective, &holder, date(2026, 10, 1)), Some(150_000));
        assert!(holder_has_own_target(&holder, date(2026, 12, 1)));
        assert_eq!(holder_target_in_force(&objective, &holder, date(2027, 1, 1)), Some(120_000));
        // No objective target of the kind: no target at all, whatever the holder's.
        assert_eq!(holder_target_in_force(&[], &holder, date(2026, 10, 1)), None);
    }

    #[test]
    fn a_holders_change_writes_the_current_period_and_a_return_drops_it() {
        let from = date(2026, 12, 1);
        assert_eq!(holder_target_change(&[], from, None), HolderTargetChange::Unchanged);
        assert_eq!(holder_target_change(&[], from, Some(5)), HolderTargetChange::Write(Some(5)));
        let set_now = [(from, Some(5))];
        assert_eq!(holder_target_change(&set_now, from, Some(5)), HolderTargetChange::Unchanged);
        assert_eq!(holder_target_change(&set_now, from, Some(6)), HolderTargetChange::Write(Some(6)));
        assert_eq!(holder_target_change(&set_now, from, None), HolderTargetChange::Drop);
        let set_before = [(date(2026, 11, 1), Some(5))];
        assert_eq!(holder_target_change(&set_before, from, None), HolderTargetChange::Write(None));
        assert_eq!(holder_target_change(&set_before, from, Some(5)), HolderTargetChange::Unchanged);
        let changed_now = [(date(2026, 11, 1), Some(5)), (from, Some(7))];
        assert_eq!(holder_target_change(&changed_now, from, Some(5)), HolderTargetChange::Drop);
    }

    #[test]
    fn a_history_redated_on_sunday_weeks_keeps_each_change_in_the_week_it_was_made() {
        let sunday = Calendar::new(chrono_tz::Europe::Rome, Weekday::Sun);
        let at = |rfc: &str| rfc.parse::<DateTime<Utc>>().expect("an instant");
        // Set on Tue 10 Nov, changed on Wed 25 Nov and again on Sun 29 Nov (Monday weeks).
        let history = [
            (FROM_THE_START, 50, at("2026-11-10T09:00:00Z")),
            (date(2026, 11, 23), 60, at("2026-11-25T09:00:00Z")),
            (date(2026, 11, 23), 70, at("2026-11-29T09:00:00Z")),
        ];
        let redated = redated(&sunday, PeriodKind::Week, &history);
        let dates: Vec<(NaiveDate, i64)> = redated.iter().map(|(from, value, _)| (*from, *value)).collect();
        assert_eq!(dates, [(FROM_THE_START, 50), (date(2026, 11, 22), 60), (date(2026, 11, 29), 70)]);
        // On Monday weeks again, the two changes share a week: the later stands.
        let monday = Calendar::new(chrono_tz::Europe::Rome, Weekday::Mon);
        let back: Vec<(NaiveDate, i64)> =
            super::redated(&monday, PeriodKind::Week, &redated).iter().map(|(f, v, _)| (*f, *v)).collect();
        assert_eq!(back, [(FROM_THE_START, 50), (date(2026, 11, 23), 70)]);
    }
}
