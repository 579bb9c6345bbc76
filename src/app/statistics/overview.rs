//! The overview: every objective's current period(s) at once, people × objectives, so that
//! "who is behind?" has one answer; the teams' totals under their members; and the
//! leaderboard, ranked by percent of one's own targets.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::figures::{self, Clock, HolderProgress, Measured};
use super::scope::{Filters, Scope, resolve};
use crate::app::{Actor, Cx, Error, User};
use crate::domain::ids::UserId;
use crate::domain::period::Period;
use crate::domain::progress::{Progress, Standing};

/// One column: an objective in the period of one of its kinds that contains the date.
pub struct Column {
    pub objective: Measured,
    pub period: Period,
    pub target: i64,
}

/// One person across the columns (`None` where they do not hold the objective).
pub struct Row {
    pub person: User,
    pub cells: Vec<Option<HolderProgress>>,
}

impl Row {
    /// The most urgent of their judged standings.
    pub fn worst(&self) -> Option<Standing> {
        self.judged().map(|p| p.standing).filter(|s| s.is_judged()).min()
    }

    /// The mean of their percentages, each of their own target.
    pub fn mean_percent(&self) -> Option<f64> {
        mean(self.judged().map(|p| p.percent))
    }

    /// The mean of their previous periods' percentages, where those were judged.
    pub fn previous_mean_percent(&self) -> Option<f64> {
        let previous = self.cells.iter().flatten().filter_map(|c| c.previous.as_ref());
        mean(previous.filter(|p| p.standing.is_judged()).map(|p| p.percent))
    }

    fn judged(&self) -> impl Iterator<Item = &Progress> {
        self.cells.iter().flatten().map(|c| &c.progress).filter(|p| p.standing.is_judged())
    }
}

/// A team's members together, per column.
pub struct TeamRow {
    pub name: String,
    pub cells: Vec<Option<Progress>>,
}

/// One place of the leaderboard.
pub struct Place {
    pub rank: usize,
    pub name: String,
    pub percent: f64,
    /// Places gained since the previous period (negative: lost), when it was ranked too.
    pub change: Option<i64>,
}

pub struct Overview {
    pub scope: Scope,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub teams: Vec<TeamRow>,
    pub leaderboard: Vec<Place>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Standing,
    Percent,
    Name,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Standing, Sort::Percent, Sort::Name];

    pub fn parse(raw: &str) -> Self {
        match raw {
            "percent" => Sort::Percent,
            "name" => Sort::Name,
            _ => Sort::Standing,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Standing => "standing",
            Sort::Percent => "percent",
            Sort::Name => "name",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Sort::Standing => "overview-sort-standing",
            Sort::Percent => "overview-sort-percent",
            Sort::Name => "overview-sort-name",
        }
    }
}

/// The overview for `filters` at `as_of`: managers and admins of a Dream Team account.
pub fn overview(cx: &mut Cx, actor: &Actor, filters: &Filters, as_of: DateTime<Utc>) -> Result<Overview, Error> {
    actor.require_dream_team()?;
    actor.require_manager()?;
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let objectives = figures::active_objectives(cx.conn, &actor.account, None)?;
    let scope = resolve(cx.conn, actor, filters, &objectives, None, as_of)?;
    let clock = Clock::new(cx.conn, &actor.account, as_of)?;
    let (columns, rows) = matrix(cx, &clock, objectives, &scope.people, scope.date)?;
    let teams = team_rows(&clock, &columns, &rows, &scope);
    let leaderboard = leaderboard(&rows);
    let mut rows = rows;
    sort(&mut rows, Sort::parse(&filters.sort));
    Ok(Overview { scope, columns, rows, teams, leaderboard })
}

/// The leaderboard across objectives as a rep may read it: names and ranks, and only where
/// an admin lets reps see it. `None` when they may not.
pub fn leaderboard_for_rep(cx: &mut Cx, actor: &Actor) -> Result<Option<Vec<Place>>, Error> {
    actor.require_dream_team()?;
    if !actor.account.reps_see_leaderboard && !actor.manages() {
        return Ok(None);
    }
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let objectives = figures::active_objectives(cx.conn, &actor.account, None)?;
    let everyone = crate::store::users::list(cx.conn, actor.account_id())?;
    let clock = Clock::new(cx.conn, &actor.account, cx.now)?;
    let today = clock.calendar().local_date(cx.now);
    let (_, rows) = matrix(cx, &clock, objectives, &everyone, today)?;
    Ok(Some(leaderboard(&rows)))
}

/// Every objective's period(s) containing `date`, and each of `people` who holds at least
/// one: one grouped read per column and per previous period.
fn matrix(
    cx: &mut Cx,
    clock: &Clock,
    objectives: Vec<Measured>,
    people: &[User],
    date: chrono::NaiveDate,
) -> Result<(Vec<Column>, Vec<Row>), Error> {
    let width = objectives.iter().map(|o| o.row.periods().len()).sum();
    let mut columns = Vec::with_capacity(width);
    let mut rows: Vec<Row> =
        people.iter().map(|p| Row { person: p.clone(), cells: Vec::with_capacity(width) }).collect();
    let place: HashMap<UserId, usize> = people.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for objective in objectives {
        let holders = crate::store::objectives::holders(cx.conn, objective.row.id)?;
        for kind in objective.row.periods() {
            let period = clock.calendar().period_of_date(kind, date);
            let Some(target) = objective.target(&period) else { continue };
            let seen = holders.iter().filter(|h| place.contains_key(&h.user_id)).cloned().collect();
            let (lines, _) = figures::standings(cx.conn, clock, &objective, seen, &period)?;
            rows.iter_mut().for_each(|row| row.cells.push(None));
            for line in lines {
                if let Some(cell) = place.get(&line.holder.user_id).and_then(|i| rows.get_mut(*i)?.cells.last_mut()) {
                    *cell = Some(line);
                }
            }
            columns.push(Column { objective: objective.clone(), period, target });
        }
    }
    rows.retain(|row| row.cells.iter().any(Option::is_some));
    Ok((columns, rows))
}

/// Each team of the scope (the chosen one, or all) with its members who hold each column.
fn team_rows(clock: &Clock, columns: &[Column], rows: &[Row], scope: &Scope) -> Vec<TeamRow> {
    scope
        .teams
        .iter()
        .filter(|team| scope.shows_team(team.id))
        .filter_map(|team| {
            let members: &[UserId] = scope.members.iter().find(|(id, _)| *id == team.id).map(|(_, m)| m.as_slice())?;
            let cells: Vec<Option<Progress>> = columns
                .iter()
                .enumerate()
                .map(|(i, column)| {
                    let held: Vec<&HolderProgress> = rows
                        .iter()
                        .filter(|row| members.contains(&row.person.id))
                        .filter_map(|row| row.cells.get(i).and_then(Option::as_ref))
                        .collect();
                    let since = held.iter().map(|c| figures::held_since(&column.objective, c.holder.since)).min()?;
                    let achieved = held.iter().map(|c| c.progress.achieved).sum();
                    let target = held.iter().map(|c| c.progress.target).sum();
                    Some(clock.progress(&column.period, since, achieved, target))
                })
                .collect();
            cells.iter().any(Option::is_some).then(|| TeamRow { name: team.name.clone(), cells })
        })
        .collect()
}

/// Ranked by mean percent of one's own targets, highest first; ties share a rank. The
/// change compares with the same ranking over the previous periods.
fn leaderboard(rows: &[Row]) -> Vec<Place> {
    let entries = rows
        .iter()
        .map(|r| (r.person.id, r.person.name.clone(), r.mean_percent(), r.previous_mean_percent()))
        .collect();
    rank_places(entries)
}

/// Places from (user, name, percent now, percent in the previous period): ranked by the
/// percent now; the change against the ranking of the previous percents.
pub fn rank_places(entries: Vec<(UserId, String, Option<f64>, Option<f64>)>) -> Vec<Place> {
    let now = ranks(entries.iter().filter_map(|(user, _, now, _)| Some((*user, (*now)?))).collect());
    let before = ranks(entries.iter().filter_map(|(user, _, _, before)| Some((*user, (*before)?))).collect());
    now.into_iter()
        .filter_map(|(user, rank, percent)| {
            let name = entries.iter().find(|(u, ..)| *u == user)?.1.clone();
            let change = before.iter().find(|(u, _, _)| *u == user).map(|(_, was, _)| *was as i64 - rank as i64);
            Some(Place { rank, name, percent, change })
        })
        .collect()
}

/// (user, rank, percent), highest percent first, equal percents at the same rank.
fn ranks(mut scored: Vec<(UserId, f64)>) -> Vec<(UserId, usize, f64)> {
    scored.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal));
    let mut ranked: Vec<(UserId, usize, f64)> = Vec::with_capacity(scored.len());
    for (i, (user, percent)) in scored.into_iter().enumerate() {
        let rank = match ranked.last() {
            Some((_, rank, last)) if (*last - percent).abs() < 1e-9 => *rank,
            _ => i + 1,
        };
        ranked.push((user, rank, percent));
    }
    ranked
}

fn sort(rows: &mut [Row], by: Sort) {
    let name = |a: &Row, b: &Row| a.person.name.to_lowercase().cmp(&b.person.name.to_lowercase());
    let percent = |a: &Row, b: &Row| {
        let (a, b) = (a.mean_percent().unwrap_or(f64::MAX), b.mean_percent().unwrap_or(f64::MAX));
        a.partial_cmp(&b).unwrap_or(Ordering::Equal)
    };
    match by {
        Sort::Name => rows.sort_by(name),
        Sort::Percent => rows.sort_by(|a, b| percent(a, b).then_with(|| name(a, b))),
        Sort::Standing => rows.sort_by(|a, b| {
            let worst = |r: &Row| r.worst().unwrap_or(Standing::NotHeld);
            worst(a).cmp(&worst(b)).then_with(|| percent(a, b)).then_with(|| name(a, b))
        }),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}
