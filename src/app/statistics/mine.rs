//! My objectives: every objective the reader holds, each of its period targets in its
//! current period with pace, and a short history.

use super::figures::{self, Measured};
use crate::app::{Actor, Cx, Error};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::progress::{self, Progress};
use crate::store::objectives;

/// One objective's period target as the reader sees it.
pub struct Card {
    pub objective: Measured,
    pub kind: PeriodKind,
    /// The last periods, oldest first, ending with the current one: achieved and target.
    pub history: Vec<(Period, i64, Option<i64>)>,
    /// The current period's progress.
    pub progress: Progress,
}

pub fn mine(cx: &mut Cx, actor: &Actor, history: usize) -> Result<Vec<Card>, Error> {
    actor.require_dream_team()?;
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let account = &*actor.account;
    let calendar = account.calendar();
    let today = calendar.local_date(cx.now);
    let working = figures::working_calendar(cx.conn, account)?;
    let mut cards = Vec::new();
    for row in objectives::held_by(cx.conn, account.id, actor.user)? {
        let objective = figures::measured(cx.conn, row)?;
        for kind in objective.row.periods() {
            let mut past = Vec::new();
            for period in figures::last_periods(&calendar, kind, today, history) {
                let achieved = figures::achieved(cx.conn, &objective, actor.user, &period)?;
                let target = objective.target(&period);
                past.push((period, achieved, target));
            }
            let Some((current, achieved, Some(target))) = past.last().cloned() else { continue };
            let progress = progress::progress(achieved, target, &figures::pace(account, &working, &current, cx.now));
            cards.push(Card { objective: objective.clone(), kind, history: past, progress });
        }
    }
    Ok(cards)
}
