//! An objective's detail: per holder the last periods against their targets, the chosen
//! period's figure split by result or pipeline, and the records that counted, page by page,
//! so that every number can be explained.

use std::collections::BTreeMap;

use super::figures::{self, Clock, HolderProgress, Measured};
use super::overview::{Place, rank_places};
use super::scope::{Filters, Scope, resolve};
use crate::app::{Actor, Cx, Error};
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::objective::ObjectiveKind;
use crate::domain::period::Period;
use crate::store::objectives::Holder;
use crate::store::{activities, leads, objectives};

pub use crate::store::activities::ActivityLine;
pub use crate::store::leads::LeadLine;

/// The running period day by day: (share of its working time gone, what each holder had
/// achieved by then), and the share at which each holder began to hold the objective.
pub struct BurnUp {
    pub points: Vec<(f64, BTreeMap<UserId, i64>)>,
    pub from: BTreeMap<UserId, f64>,
}

/// At most this many points: one grouped read each.
const BURN_UP_POINTS: usize = 12;

/// The burn-up of `period` if it runs now: the ends of its days so far (spread out over a
/// long period), the last one now.
fn burn_up(
    cx: &mut Cx,
    clock: &Clock,
    objective: &Measured,
    standings: &[HolderProgress],
    period: &Period,
) -> Result<Option<BurnUp>, Error> {
    let calendar = clock.calendar();
    if clock.now < period.start_utc(calendar) || clock.now >= period.end_utc(calendar) || standings.is_empty() {
        return Ok(None);
    }
    let today = calendar.local_date(clock.now);
    let days: Vec<chrono::NaiveDate> = period.start().iter_days().take_while(|d| *d <= today).collect();
    let step = days.len().div_ceil(BURN_UP_POINTS).max(1);
    let mut ends: Vec<chrono::NaiveDate> =
        days.iter().skip(step - 1).step_by(step).filter(|d| **d < today).copied().collect();
    ends.push(today);
    let users: Vec<UserId> = standings.iter().map(|s| s.holder.user_id).collect();
    let mut points = Vec::with_capacity(ends.len());
    for day in ends {
        let end = day.succ_opt().unwrap_or(day);
        let at = calendar.start_of_day(end).min(clock.now);
        let achieved = figures::achieved_by_user(cx.conn, objective, &users, period.start(), end)?;
        points.push((clock.fraction_at(period, at), achieved));
    }
    let from = standings
        .iter()
        .map(|s| (s.holder.user_id, clock.fraction_at(period, figures::held_since(objective, s.holder.since).since)))
        .collect();
    Ok(Some(BurnUp { points, from }))
}

/// The records behind the chosen period's figure.
pub enum Records {
    Activities(Vec<ActivityLine>),
    Wins(Vec<LeadLine>),
}

pub struct Detail {
    pub objective: Measured,
    pub scope: Scope,
    /// The holders the reader may see, by name.
    pub holders: Vec<(UserId, String)>,
    /// Each of them in the chosen period, when it has a target.
    pub standings: Vec<HolderProgress>,
    /// The objective's leaderboard for the period (managers and admins).
    pub leaderboard: Vec<Place>,
    /// While the chosen period runs: its burn-up.
    pub burn_up: Option<BurnUp>,
    /// The periods the charts show, oldest first, and what each holder achieved in each.
    pub periods: Vec<Period>,
    pub achieved: Vec<BTreeMap<UserId, i64>>,
    /// The chosen period's figure by result (activity) or pipeline (sales).
    pub breakdown: Vec<(String, i64)>,
    pub records: Records,
    pub has_next: bool,
}

/// The detail of an objective, archived or not (read-only either way). A rep reads only the objectives they hold: another
/// one's page, even its name, is not theirs to know.
pub fn detail(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    filters: &Filters,
    (periods_shown, page, page_size): (usize, i64, i64),
) -> Result<Detail, Error> {
    actor.require_dream_team()?;
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let account = &*actor.account;
    // Archived objectives are out of the dashboard, their results still readable here.
    let row = objectives::find(cx.conn, account.id, id)?.ok_or(Error::NotFound)?;
    let objective = figures::measured(cx.conn, account, row)?;
    let scope = resolve(cx.conn, actor, filters, std::slice::from_ref(&objective), Some(objective.row.kind()), cx.now)?;
    let seen: Vec<Holder> = objectives::holders(cx.conn, id)?.into_iter().filter(|h| scope.sees(h.user_id)).collect();
    if !actor.manages() && seen.is_empty() {
        return Err(Error::NotFound);
    }
    let holders: Vec<(UserId, String)> = seen.iter().map(|h| (h.user_id, h.name.clone())).collect();
    let clock = Clock::new(cx.conn, account, cx.now)?;
    let standings = figures::standings(cx.conn, &clock, &objective, seen, &scope.period)?.0;
    let judged = |p: &crate::domain::progress::Progress| p.standing.is_judged().then_some(p.percent);
    let leaderboard = match actor.manages() {
        true => rank_places(
            standings
                .iter()
                .map(|s| {
                    (s.holder.user_id, s.holder.name.clone(), judged(&s.progress), s.previous.as_ref().and_then(judged))
                })
                .collect(),
        ),
        false => Vec::new(),
    };
    let burn_up = burn_up(cx, &clock, &objective, &standings, &scope.period)?;
    let (kind, created) = (scope.period.kind(), objective.row.created_at);
    let periods = figures::periods_since(clock.calendar(), kind, scope.period.start(), periods_shown, created);
    let users: Vec<UserId> = holders.iter().map(|(u, _)| *u).collect();
    // One grouped read per period for every holder at once.
    let mut achieved = Vec::with_capacity(periods.len());
    for period in &periods {
        achieved.push(figures::achieved_by_user(cx.conn, &objective, &users, period.start(), period.end())?);
    }
    let (start, end) = (scope.period.start(), scope.period.end());
    let breakdown = figures::breakdown(cx.conn, &objective, &users, start, end)?;
    let limit = (page_size + 1, (page - 1) * page_size);
    let pipeline = objective.row.pipeline_id;
    // What counted: only what happened within the objective's dates.
    let (start, end) = objective.clip(start, end).unwrap_or((start, start));
    let (records, has_next) = match objective.row.kind() {
        ObjectiveKind::Activity => {
            let mut lines = activities::counted(cx.conn, account.id, &users, &objective.rule, (start, end), limit)?;
            let has_next = lines.len() as i64 > page_size;
            lines.truncate(usize::try_from(page_size).unwrap_or(usize::MAX));
            (Records::Activities(lines), has_next)
        }
        ObjectiveKind::Sales => {
            let mut lines = leads::won_between(cx.conn, account.id, &users, pipeline, (start, end), limit)?;
            let has_next = lines.len() as i64 > page_size;
            lines.truncate(usize::try_from(page_size).unwrap_or(usize::MAX));
            (Records::Wins(lines), has_next)
        }
    };
    Ok(Detail {
        objective,
        scope,
        holders,
        standings,
        leaderboard,
        burn_up,
        periods,
        achieved,
        breakdown,
        records,
        has_next,
    })
}
