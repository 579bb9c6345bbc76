//! My objectives: every objective the reader holds, each of its period targets in its
//! current period with pace, and a short history since they held it.

use super::figures::{self, Clock, Measured};
use crate::app::{Actor, Cx, Error};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::progress::Progress;
use crate::store::objectives;

/// One objective's period target as the reader sees it.
pub struct Card {
    pub objective: Measured,
    pub kind: PeriodKind,
    /// The last periods since the objective existed, oldest first, ending with the current
    /// one: achieved and target.
    pub history: Vec<(Period, i64, Option<i64>)>,
    /// The current period's progress, and the previous period's.
    pub progress: Progress,
    pub previous: Option<Progress>,
    /// The current target is the reader's own, not the objective's.
    pub own_target: bool,
}

pub fn mine(cx: &mut Cx, actor: &Actor, history: usize) -> Result<Vec<Card>, Error> {
    actor.require_dream_team()?;
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let account = &*actor.account;
    let clock = Clock::new(cx.conn, account, cx.now)?;
    let today = clock.calendar().local_date(cx.now);
    let mut cards = Vec::new();
    for (row, assigned) in objectives::held_by(cx.conn, account.id, actor.user)? {
        let objective = figures::measured(cx.conn, account, row)?;
        let since = figures::held_since(&objective, assigned);
        for kind in objective.row.periods() {
            let mut past = Vec::new();
            for period in figures::periods_since(clock.calendar(), kind, today, history, objective.row.created_at) {
                let achieved = figures::achieved(cx.conn, &objective, actor.user, &period)?;
                let target = objective.target_for(actor.user, &period);
                past.push((period, achieved, target));
            }
            let Some((current, achieved, Some(target))) = past.last().cloned() else { continue };
            let mut progress = clock.progress(&current, since, achieved, target);
            if let Some(open) = figures::open_pipeline(cx.conn, &clock, &objective, &[actor.user], &current)? {
                progress.pipeline_forecast = Some(achieved as f64 + open.values().sum::<f64>());
            }
            let before = current.previous(clock.calendar());
            let previous = match objective.target_for(actor.user, &before) {
                Some(target) => {
                    let achieved = figures::achieved(cx.conn, &objective, actor.user, &before)?;
                    Some(clock.progress(&before, since, achieved, target))
                }
                None => None,
            };
            let own_target = objective.has_own_target(actor.user, &current);
            cards.push(Card { objective: objective.clone(), kind, history: past, progress, previous, own_target });
        }
    }
    Ok(cards)
}
