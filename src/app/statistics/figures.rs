//! The figures of objectives: what each user achieved in a period and the target then in
//! force, read from the period buckets only, so a figure costs the same whatever the
//! size of the history. The statistics use cases build on these.

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::QueryResult;

use crate::db::AnyConnection;
use crate::domain::counting::CountingRule;
use crate::domain::ids::{ObjectiveId, TeamId, UserId};
use crate::domain::objective::{self, ObjectiveKind, SalesMetric};
use crate::domain::period::{Calendar, Period, PeriodKind};
use crate::domain::progress::{self, Progress};
use crate::domain::working_calendar::{Pace, WorkingCalendar};
use crate::store::accounts::AccountRow;
use crate::store::actions;
use crate::store::buckets;
use crate::store::counting_rules::{self, ObjectiveRule, RulesOf};
use crate::store::objectives::{self, Holder, ObjectiveRow};
use crate::store::team_objectives::{self, TeamHolder};
use crate::store::{holder_targets, holidays, leads, pipelines, teams};

/// A holder's own target entries of one period kind: (effective_from, value), ascending.
pub type HolderHistory = Vec<(NaiveDate, Option<i64>)>;

/// An objective with what it needs to be measured.
#[derive(Debug, Clone)]
pub struct Measured {
    pub row: ObjectiveRow,
    /// Which activities it counts (nothing, for a sales objective).
    pub rule: CountingRule,
    /// Target history per period: (effective_from, value), ascending.
    pub history: Vec<(PeriodKind, Vec<(NaiveDate, i64)>)>,
    /// The holders' own target histories, by holder and period kind.
    pub personal: BTreeMap<(UserId, PeriodKind), HolderHistory>,
    /// The start of its first day and the end of its last, when it has them.
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
}

impl Measured {
    /// The objective's target in force for `period`, if it has targets of its kind and the
    /// period meets its dates.
    pub fn target(&self, period: &Period) -> Option<i64> {
        self.meets(period)?;
        objective::target_in_force(self.objective_history(period.kind()), period.start())
    }

    /// `holder`'s target for `period`: their own where one is in force, else the objective's.
    pub fn target_for(&self, holder: UserId, period: &Period) -> Option<i64> {
        self.meets(period)?;
        let own = self.personal.get(&(holder, period.kind())).map_or(&[][..], Vec::as_slice);
        objective::holder_target_in_force(self.objective_history(period.kind()), own, period.start())
    }

    /// Whether `holder` has a target of their own for `period`.
    pub fn has_own_target(&self, holder: UserId, period: &Period) -> bool {
        self.personal
            .get(&(holder, period.kind()))
            .is_some_and(|own| objective::holder_has_own_target(own, period.start()))
    }

    /// The part of local dates [start, end) within the objective's dates, if any.
    pub fn clip(&self, start: NaiveDate, end: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        self.row.dates().clip(start, end)
    }

    fn meets(&self, period: &Period) -> Option<()> {
        self.clip(period.start(), period.end()).map(drop)
    }

    fn objective_history(&self, kind: PeriodKind) -> &[(NaiveDate, i64)] {
        self.history.iter().find(|(k, _)| *k == kind).map_or(&[][..], |(_, history)| history.as_slice())
    }

    pub fn has_period(&self, kind: PeriodKind) -> bool {
        self.row.periods().contains(&kind)
    }
}

/// The account's active objectives (of one kind, or all), ready to be measured.
pub fn active_objectives(
    conn: &mut AnyConnection,
    account: &AccountRow,
    kind: Option<ObjectiveKind>,
) -> QueryResult<Vec<Measured>> {
    let mut rules = counting_rules::load(conn, RulesOf::Account(account.id))?;
    // Every holder's own targets of the account in one read, not one per objective.
    let mut own = holder_targets::all(conn, account.id)?;
    let mut measured = Vec::new();
    for line in objectives::list(conn, account.id, false)? {
        if kind.is_some_and(|k| k != line.objective.kind()) {
            continue;
        }
        let rule = rule_of(&mut rules, line.objective.id);
        let (mine, rest): (Vec<_>, Vec<_>) = own.into_iter().partition(|(o, _)| *o == line.objective.id);
        own = rest;
        let personal = mine.into_iter().map(|(_, entry)| entry).collect();
        measured.push(measure(conn, &account.calendar(), line.objective, rule, personal)?);
    }
    Ok(measured)
}

/// One objective (archived or not) ready to be measured on the account's calendar.
pub fn measured(conn: &mut AnyConnection, account: &AccountRow, row: ObjectiveRow) -> QueryResult<Measured> {
    let rule = rule_of(&mut counting_rules::load(conn, RulesOf::Objective(row.id))?, row.id);
    let personal = holder_targets::of_objective(conn, row.account_id, row.id)?;
    measure(conn, &account.calendar(), row, rule, personal)
}

fn rule_of(rules: &mut BTreeMap<ObjectiveId, ObjectiveRule>, objective: ObjectiveId) -> CountingRule {
    rules.remove(&objective).map_or_else(CountingRule::nothing, |counted| counted.rule)
}

fn measure(
    conn: &mut AnyConnection,
    calendar: &Calendar,
    row: ObjectiveRow,
    rule: CountingRule,
    own: Vec<holder_targets::HolderTargetRow>,
) -> QueryResult<Measured> {
    let targets = objectives::targets(conn, row.id)?;
    let history = row
        .periods()
        .into_iter()
        .map(|kind| {
            let entries = targets.iter().filter(|t| t.period == kind).map(|t| (t.effective_from, t.value)).collect();
            (kind, entries)
        })
        .collect();
    let mut personal: BTreeMap<(UserId, PeriodKind), HolderHistory> = BTreeMap::new();
    for entry in own {
        personal.entry((entry.user_id, entry.period)).or_default().push((entry.effective_from, entry.value));
    }
    let starts_at = row.starts_on.map(|first| calendar.start_of_day(first));
    let ends_at = row.ends_on.and_then(|last| last.succ_opt()).map(|after| calendar.start_of_day(after));
    Ok(Measured { row, rule, history, personal, starts_at, ends_at })
}

/// What each of `users` achieved for the objective over local dates [start, end): a
/// count, or revenue in cents.
pub fn achieved_by_user(
    conn: &mut AnyConnection,
    objective: &Measured,
    users: &[UserId],
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<BTreeMap<UserId, i64>> {
    let row = &objective.row;
    let Some((start, end)) = objective.clip(start, end) else { return Ok(BTreeMap::new()) };
    match row.kind() {
        ObjectiveKind::Activity => buckets::count_for_objective(conn, row.id, users, start, end),
        ObjectiveKind::Sales => {
            let revenue = row.metric() == Some(SalesMetric::Revenue);
            let totals = buckets::won_totals_by_user(conn, row.account_id, users, row.pipeline_id, start, end)?;
            Ok(totals.into_iter().map(|(user, (cents, count))| (user, if revenue { cents } else { count })).collect())
        }
    }
}

/// What `users` achieved together over local dates [start, end).
pub fn achieved_between(
    conn: &mut AnyConnection,
    objective: &Measured,
    users: &[UserId],
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<i64> {
    Ok(achieved_by_user(conn, objective, users, start, end)?.values().sum())
}

pub fn achieved(conn: &mut AnyConnection, objective: &Measured, user: UserId, period: &Period) -> QueryResult<i64> {
    achieved_between(conn, objective, &[user], period.start(), period.end())
}

/// What `users` achieved together over local dates [start, end), split by counted result
/// (activity objectives, read from the activity buckets, which keep the result) or by
/// pipeline (sales objectives): each part's name and figure.
pub fn breakdown(
    conn: &mut AnyConnection,
    objective: &Measured,
    users: &[UserId],
    start: NaiveDate,
    end: NaiveDate,
) -> QueryResult<Vec<(String, i64)>> {
    let row = &objective.row;
    let mut parts = Vec::new();
    let Some((start, end)) = objective.clip(start, end) else { return Ok(parts) };
    match row.kind() {
        ObjectiveKind::Activity => {
            let catalogue = actions::list(conn, row.account_id)?;
            for outcome in objective.rule.outcomes() {
                let name = catalogue
                    .iter()
                    .flat_map(|a| a.outcomes.iter())
                    .find(|o| o.id == *outcome)
                    .map_or_else(String::new, |o| o.name.clone());
                let only = objective.rule.only(*outcome);
                parts.push((name, buckets::count_activities(conn, row.account_id, users, &only, (start, end))?));
            }
        }
        ObjectiveKind::Sales => {
            for pipeline in pipelines::list(conn, row.account_id)? {
                if row.pipeline_id.is_some_and(|p| p != pipeline.id) {
                    continue;
                }
                let mut scoped = objective.clone();
                scoped.row.pipeline_id = Some(pipeline.id);
                parts.push((pipeline.name, achieved_between(conn, &scoped, users, start, end)?));
            }
        }
    }
    Ok(parts)
}

/// The objectives of `kind` that have a target for `period`, with that target and the
/// holders `sees` keeps.
pub fn targeted<'a>(
    conn: &mut AnyConnection,
    measured: &'a [Measured],
    kind: ObjectiveKind,
    period: &Period,
    sees: impl Fn(UserId) -> bool,
) -> QueryResult<Vec<(&'a Measured, i64, Vec<Holder>)>> {
    let mut found = Vec::new();
    for objective in measured.iter().filter(|o| o.row.kind() == kind) {
        let Some(target) = objective.target(period) else { continue };
        let holders = objectives::holders(conn, objective.row.id)?.into_iter().filter(|h| sees(h.user_id)).collect();
        found.push((objective, target, holders));
    }
    Ok(found)
}

/// The account's working days and holidays.
pub fn working_calendar(conn: &mut AnyConnection, account: &AccountRow) -> QueryResult<WorkingCalendar> {
    Ok(WorkingCalendar { days: account.working_days.clone(), holidays: holidays::dates(conn, account.id)? })
}

/// Judges progress at one moment on the account's calendar and working time. The pace of
/// a period held from its start is the same for every holder: it is reckoned once.
pub struct Clock {
    calendar: Calendar,
    working: WorkingCalendar,
    pub now: DateTime<Utc>,
    shared: RefCell<BTreeMap<(PeriodKind, NaiveDate), Pace>>,
}

impl Clock {
    pub fn new(conn: &mut AnyConnection, account: &AccountRow, now: DateTime<Utc>) -> QueryResult<Self> {
        let working = working_calendar(conn, account)?;
        Ok(Self { calendar: account.calendar(), working, now, shared: RefCell::default() })
    }

    /// How much of `period`'s working time has gone for someone holding the objective as
    /// `held`.
    pub fn pace(&self, period: &Period, held: Held) -> Pace {
        let until = held.until.filter(|until| *until < period.end_utc(&self.calendar));
        if held.since > period.start_utc(&self.calendar) || until.is_some() {
            return self.working.pace_between(&self.calendar, period, (Some(held.since), until), self.now);
        }
        let key = (period.kind(), period.start());
        *self.shared.borrow_mut().entry(key).or_insert_with(|| self.working.pace(&self.calendar, period, self.now))
    }

    /// The share of `period`'s working time gone at `instant`.
    pub fn fraction_at(&self, period: &Period, instant: DateTime<Utc>) -> f64 {
        self.working.pace(&self.calendar, period, instant).fraction()
    }

    /// The progress of `achieved` against `target` in `period`, held as `held`.
    pub fn progress(&self, period: &Period, held: Held, achieved: i64, target: i64) -> Progress {
        progress::progress(achieved, target, &self.pace(period, held))
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }
}

/// For a sales objective whose period runs: each holder's open leads expected to close in
/// it, weighed by probability (cents for revenue, leads for a count of wins).
pub fn open_pipeline(
    conn: &mut AnyConnection,
    clock: &Clock,
    objective: &Measured,
    users: &[UserId],
    period: &Period,
) -> QueryResult<Option<BTreeMap<UserId, f64>>> {
    let row = &objective.row;
    if row.kind() != ObjectiveKind::Sales || clock.now >= period.end_utc(clock.calendar()) {
        return Ok(None);
    }
    let revenue = row.metric() == Some(SalesMetric::Revenue);
    let Some(within) = objective.clip(period.start(), period.end()) else { return Ok(None) };
    if objective.ends_at.is_some_and(|end| clock.now >= end) {
        return Ok(None);
    }
    let open = leads::weighted_open_by_owner(conn, row.account_id, users, row.pipeline_id, within)?;
    Ok(Some(open.into_iter().map(|(user, (cents, count))| (user, if revenue { cents } else { count })).collect()))
}

/// When someone holds an objective: from `since` until `until` (the end of its last day;
/// none: for as long as it runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Held {
    pub since: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

/// When someone assigned at `assigned` holds `objective`: from the latest of the
/// objective's creation, its first day and the assignment, to the end of its last day.
pub fn held_since(objective: &Measured, assigned: NaiveDateTime) -> Held {
    let since = objective.row.created_at.max(assigned).and_utc();
    Held { since: objective.starts_at.map_or(since, |first| first.max(since)), until: objective.ends_at }
}

/// One holder's progress in a period, and in the period before.
#[derive(Debug, Clone)]
pub struct HolderProgress {
    pub holder: Holder,
    pub progress: Progress,
    /// The previous period's, when it had a target.
    pub previous: Option<Progress>,
    /// The target is the holder's own, not the objective's.
    pub own_target: bool,
}

/// Each holder's progress in `period` (against their own target or the objective's) and
/// the one before, and the holders together against the sum of their targets: one grouped
/// read per period.
pub fn standings(
    conn: &mut AnyConnection,
    clock: &Clock,
    objective: &Measured,
    holders: Vec<Holder>,
    period: &Period,
) -> QueryResult<(Vec<HolderProgress>, Option<Progress>)> {
    let users: Vec<UserId> = holders.iter().map(|h| h.user_id).collect();
    let achieved = achieved_by_user(conn, objective, &users, period.start(), period.end())?;
    let before = period.previous(clock.calendar());
    let earlier = match objective.target(&before) {
        Some(_) => Some(achieved_by_user(conn, objective, &users, before.start(), before.end())?),
        None => None,
    };
    let open = open_pipeline(conn, clock, objective, &users, period)?;
    let mut total = (0, 0, None::<Held>);
    let mut lines: Vec<HolderProgress> = holders
        .into_iter()
        .filter_map(|holder| {
            let target = objective.target_for(holder.user_id, period)?;
            let since = held_since(objective, holder.since);
            let figure = achieved.get(&holder.user_id).copied().unwrap_or(0);
            total = (total.0 + figure, total.1 + target, Some(total.2.map_or(since, |first| first.min(since))));
            let previous =
                earlier.as_ref().zip(objective.target_for(holder.user_id, &before)).map(|(achieved, target)| {
                    clock.progress(&before, since, achieved.get(&holder.user_id).copied().unwrap_or(0), target)
                });
            let own_target = objective.has_own_target(holder.user_id, period);
            Some(HolderProgress {
                progress: clock.progress(period, since, figure, target),
                previous,
                holder,
                own_target,
            })
        })
        .collect();
    // The holders together are judged from the first of them to hold it.
    let mut together = match (lines.len() > 1, total.2) {
        (true, Some(since)) => Some(clock.progress(period, since, total.0, total.1)),
        _ => None,
    };
    if let Some(open) = open {
        for line in &mut lines {
            let weighed = open.get(&line.holder.user_id).copied().unwrap_or(0.0);
            line.progress.pipeline_forecast = Some(line.progress.achieved as f64 + weighed);
        }
        if let Some(together) = &mut together {
            together.pipeline_forecast = Some(together.achieved as f64 + open.values().sum::<f64>());
        }
    }
    Ok((lines, together))
}

/// A team holding an objective: its progress in a period against its own target, and what
/// the own targets of its members who hold the objective add up to.
#[derive(Debug, Clone)]
pub struct TeamProgress {
    pub team: TeamHolder,
    pub progress: Progress,
    pub members_target: Option<i64>,
}

/// Each team holding `objective` that `shows` keeps, in `period`: what its members achieved
/// while they were in it (a spell's first local day counts, the day it ended does not, so
/// a move between teams counts each day once).
pub fn team_standings(
    conn: &mut AnyConnection,
    clock: &Clock,
    objective: &Measured,
    period: &Period,
    shows: impl Fn(TeamId) -> bool,
) -> QueryResult<Vec<TeamProgress>> {
    let (account, calendar) = (objective.row.account_id, clock.calendar());
    let teams: Vec<TeamHolder> =
        team_objectives::holders(conn, account, objective.row.id)?.into_iter().filter(|t| shows(t.team_id)).collect();
    if teams.is_empty() || objective.clip(period.start(), period.end()).is_none() {
        return Ok(Vec::new());
    }
    let history = team_objectives::targets(conn, account, objective.row.id)?;
    let holders = objectives::holders(conn, objective.row.id)?;
    let mut found = Vec::new();
    for team in teams {
        let entries: Vec<_> = history
            .iter()
            .filter(|t| t.team_id == team.team_id && t.period == period.kind())
            .map(|t| (t.effective_from, t.value))
            .collect();
        let Some(target) = objective::target_in_force(&entries, period.start()) else { continue };
        let spells = teams::spells(conn, account, team.team_id)?;
        let mut achieved = 0;
        for spell in &spells {
            let joined = calendar.local_date(spell.joined_at.and_utc()).max(period.start());
            let left = spell.left_at.map_or(period.end(), |at| calendar.local_date(at.and_utc()).min(period.end()));
            if joined < left {
                achieved += achieved_between(conn, objective, &[spell.user_id], joined, left)?;
            }
        }
        let members: Vec<UserId> = spells.iter().filter(|s| s.left_at.is_none()).map(|s| s.user_id).collect();
        let own: Vec<i64> = holders
            .iter()
            .filter(|h| members.contains(&h.user_id))
            .filter_map(|h| objective.target_for(h.user_id, period))
            .collect();
        let members_target = (!own.is_empty()).then(|| own.iter().sum());
        let held = held_since(objective, team.since);
        found.push(TeamProgress { progress: clock.progress(period, held, achieved, target), members_target, team });
    }
    Ok(found)
}

/// Up to `count` periods of `kind` ending with the one containing `date`, oldest first,
/// none ended before `created` (the objective did not exist then).
pub fn periods_since(
    calendar: &Calendar,
    kind: PeriodKind,
    date: NaiveDate,
    count: usize,
    created: chrono::NaiveDateTime,
) -> Vec<Period> {
    let created = calendar.local_date(created.and_utc());
    let mut periods = last_periods(calendar, kind, date, count);
    let current = periods.pop();
    periods.retain(|period| period.end() > created);
    periods.extend(current);
    periods
}

/// The `count` periods of `kind` up to and including the one containing `date`, oldest first.
pub fn last_periods(calendar: &Calendar, kind: PeriodKind, date: NaiveDate, count: usize) -> Vec<Period> {
    let mut periods = vec![calendar.period_of_date(kind, date)];
    while periods.len() < count {
        let Some(first) = periods.first() else { break };
        let previous = first.previous(calendar);
        periods.insert(0, previous);
    }
    periods
}
