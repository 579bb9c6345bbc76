//! The dashboard: for the objectives of a kind that have a target for the chosen period, a
//! table per objective of each holder's progress and pace, and a total.

use chrono::{DateTime, Utc};

use super::figures::{self, Clock, HolderProgress, Measured, TeamProgress};
use super::scope::{Filters, Scope, resolve};
use crate::app::{Actor, Cx, Error};
use crate::domain::progress::Progress;
use crate::store::team_objectives;

/// One objective's table.
pub struct Table {
    pub objective: Measured,
    pub target: i64,
    /// Each holder the reader may see, with their progress now and in the period before.
    pub lines: Vec<HolderProgress>,
    /// The holders together, when there are several.
    pub total: Option<Progress>,
    /// The teams holding it that the reader manages, each against its own target.
    pub teams: Vec<TeamProgress>,
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
    let clock = Clock::new(cx.conn, &actor.account, as_of)?;
    // The objectives teams hold, in one read: most accounts have none.
    let team_held = match actor.manages() {
        true => team_objectives::held(cx.conn, actor.account_id())?,
        false => Vec::new(),
    };
    let mut tables = Vec::new();
    for (objective, target, holders) in
        figures::targeted(cx.conn, &objectives, scope.kind, &scope.period, |u| scope.sees(u))?
    {
        let (lines, total) = figures::standings(cx.conn, &clock, objective, holders, &scope.period)?;
        let teams = match team_held.contains(&objective.row.id) {
            true => figures::team_standings(cx.conn, &clock, objective, &scope.period, |t| scope.shows_team(t))?,
            false => Vec::new(),
        };
        tables.push(Table { objective: objective.clone(), target, lines, total, teams });
    }
    Ok(Dashboard { scope, tables })
}
