//! An objective's results over the API: for a period (the one containing a date), each
//! holder's figure against their target with pace, standing and forecast, the holders
//! together, and the teams holding it.

use chrono::NaiveDate;

use super::Client;
use crate::app::statistics::figures::{self, Clock, HolderProgress, Measured, TeamProgress};
use crate::app::statistics::scope::{ALL_TEAMS, Filters, resolve};
use crate::app::{Cx, Error, invalid};
use crate::domain::api::Scope;
use crate::domain::ids::ObjectiveId;
use crate::domain::message::Message;
use crate::domain::objective::ObjectiveKind;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::progress::Progress;
use crate::store::{activities, leads, objectives};

pub struct Results {
    pub objective: Measured,
    pub period: Period,
    pub holders: Vec<HolderProgress>,
    /// The holders together, when there are several.
    pub total: Option<Progress>,
    pub teams: Vec<TeamProgress>,
    /// The moment the pace is reckoned at.
    pub as_of: chrono::DateTime<chrono::Utc>,
}

/// What counted in a period: activities, or won leads, latest first.
pub enum Counted {
    Activities(Vec<crate::store::activities::ActivityRow>),
    Wins(Vec<crate::store::leads::LeadRow>),
}

/// A page of what counted for an objective in a period.
pub struct Records {
    pub objective: Measured,
    pub period: Period,
    pub counted: Counted,
    pub next: Option<String>,
}

/// What counted for objective `id` in the period `results` would read, for its holders (or
/// one of them), within its dates, page by page.
pub fn records(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    (period, date): (Option<PeriodKind>, Option<NaiveDate>),
    user: Option<crate::domain::ids::UserId>,
    cursor: Option<&str>,
    limit: Option<i64>,
) -> Result<Records, Error> {
    let (offset, limit) = (super::after(cursor)?, super::limit(limit)?);
    let (objective, period, holders) = scoped(cx, client, id, period, date)?;
    let mut users: Vec<_> = holders.iter().map(|h| h.user_id).collect();
    if let Some(user) = user {
        users.retain(|u| *u == user);
    }
    let account = objective.row.account_id;
    let (start, end) = objective.clip(period.start(), period.end()).unwrap_or((period.start(), period.start()));
    let page = (limit + 1, offset);
    let (counted, more) = match objective.row.kind() {
        ObjectiveKind::Activity => {
            let mut lines = activities::counted(cx.conn, account, &users, &objective.rule, (start, end), page)?;
            let more = lines.len() as i64 > limit;
            lines.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
            (Counted::Activities(lines.into_iter().map(|l| l.activity).collect()), more)
        }
        ObjectiveKind::Sales => {
            let pipeline = objective.row.pipeline_id;
            let mut lines = leads::won_between(cx.conn, account, &users, pipeline, (start, end), page)?;
            let more = lines.len() as i64 > limit;
            lines.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
            (Counted::Wins(lines.into_iter().map(|l| l.lead).collect()), more)
        }
    };
    // The cursor carries where the next page starts: these pages are by moment, not id.
    let next = more.then(|| crate::domain::api::cursor(offset + limit));
    Ok(Records { objective, period, counted, next })
}

/// The objective, the period asked for, and its holders the token's actor sees.
fn scoped(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    period: Option<PeriodKind>,
    date: Option<NaiveDate>,
) -> Result<(Measured, Period, Vec<crate::store::objectives::Holder>), Error> {
    let actor = client.require(Scope::ResultsRead)?;
    actor.require_dream_team()?;
    crate::app::settings::rebuild::refuse_mixed_figures(cx, actor.account_id())?;
    let account = &*actor.account;
    let row = objectives::find(cx.conn, account.id, id)?.ok_or(Error::NotFound)?;
    let kind = period.unwrap_or(row.period_1);
    if !row.periods().contains(&kind) {
        let periods = row.periods().iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", ");
        return Err(invalid("period", Message::new("api-period-not-targeted").arg("periods", periods)));
    }
    if let Some(date) = date {
        crate::domain::range::date(date).map_err(|crate::domain::Invalid(m)| invalid("date", m))?;
    }
    let objective = figures::measured(cx.conn, account, row)?;
    let filters = Filters {
        period: kind.as_str().to_owned(),
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        team: ALL_TEAMS.to_owned(),
        ..Filters::default()
    };
    let scope =
        resolve(cx.conn, actor, &filters, std::slice::from_ref(&objective), Some(objective.row.kind()), cx.now)?;
    let holders = objectives::holders(cx.conn, id)?.into_iter().filter(|h| scope.sees(h.user_id)).collect();
    Ok((objective, scope.period, holders))
}

/// The results of objective `id` in the period of kind `period` (none: its first) that
/// contains `date` (none: today in the account's zone).
pub fn results(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    period: Option<PeriodKind>,
    date: Option<NaiveDate>,
) -> Result<Results, Error> {
    let (objective, period, holders) = scoped(cx, client, id, period, date)?;
    let clock = Clock::new(cx.conn, &client.actor.account, cx.now)?;
    let (holders, total) = figures::standings(cx.conn, &clock, &objective, holders, &period)?;
    let teams = figures::team_standings(cx.conn, &clock, &objective, &period, |_| true)?;
    Ok(Results { objective, period, holders, total, teams, as_of: cx.now })
}
