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
    /// The periods the charts show, oldest first, and what each holder achieved in each.
    pub periods: Vec<Period>,
    pub achieved: Vec<BTreeMap<UserId, i64>>,
    /// The chosen period's figure by result (activity) or pipeline (sales).
    pub breakdown: Vec<(String, i64)>,
    pub records: Records,
    pub has_next: bool,
}

/// The detail of an active objective. A rep reads only the objectives they hold: another
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
    // Archived objectives are out of the statistics.
    let row = objectives::find(cx.conn, account.id, id)?.filter(|o| o.archived_at.is_none()).ok_or(Error::NotFound)?;
    let objective = figures::measured(cx.conn, row)?;
    let scope = resolve(cx.conn, actor, filters, std::slice::from_ref(&objective), Some(objective.row.kind()), cx.now)?;
    let seen: Vec<Holder> = objectives::holders(cx.conn, id)?.into_iter().filter(|h| scope.sees(h.user_id)).collect();
    if !actor.manages() && seen.is_empty() {
        return Err(Error::NotFound);
    }
    let holders: Vec<(UserId, String)> = seen.iter().map(|h| (h.user_id, h.name.clone())).collect();
    let clock = Clock::new(cx.conn, account, cx.now)?;
    let standings = match objective.target(&scope.period) {
        Some(target) => figures::standings(cx.conn, &clock, &objective, seen, &scope.period, target)?.0,
        None => Vec::new(),
    };
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
    Ok(Detail { objective, scope, holders, standings, leaderboard, periods, achieved, breakdown, records, has_next })
}
