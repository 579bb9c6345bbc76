//! The dashboard: for the objectives of a kind that have a target for the chosen period, a
//! table per objective of each holder's progress and pace, and a total.

use chrono::{DateTime, Utc};

use super::figures::{self, Figures, Measured};
use super::scope::{Filters, Scope, resolve};
use crate::app::{Actor, Cx, Error};
use crate::domain::progress::{self, Progress};
use crate::store::objectives::Holder;

/// One objective's table.
pub struct Table {
    pub objective: Measured,
    pub target: i64,
    /// Each holder the reader may see, with their progress.
    pub lines: Vec<(Holder, Progress)>,
    /// The holders together, when there are several.
    pub total: Option<Progress>,
}

pub struct Dashboard {
    pub scope: Scope,
    pub tables: Vec<Table>,
}

/// The dashboard for `filters`, its pace reckoned at `as_of`. Anyone of a Dream Team
/// account: a rep reads their own lines only.
pub fn dashboard(cx: &mut Cx, actor: &Actor, filters: &Filters, as_of: DateTime<Utc>) -> Result<Dashboard, Error> {
    actor.require_dream_team()?;
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let objectives = figures::active_objectives(cx.conn, &actor.account, None)?;
    let scope = resolve(cx.conn, actor, filters, &objectives, None, as_of)?;
    let working = figures::working_calendar(cx.conn, &actor.account)?;
    let pace = figures::pace(&actor.account, &working, &scope.period, as_of);
    let progress = |achieved, target| progress::progress(achieved, target, &pace);
    let tables = figures::figures(cx.conn, &objectives, scope.kind, &scope.period, |u| scope.sees(u))?
        .into_iter()
        .map(|Figures { objective, target, holders }| {
            let (sum_achieved, sum_target) = (holders.iter().map(|(_, a)| a).sum(), target * holders.len() as i64);
            let total = (holders.len() > 1).then(|| progress(sum_achieved, sum_target));
            let lines = holders.into_iter().map(|(holder, achieved)| (holder, progress(achieved, target))).collect();
            Table { objective: objective.clone(), target, lines, total }
        })
        .collect();
    Ok(Dashboard { scope, tables })
}
