//! The filters every statistics page shares (type, period, date, team, user), resolved
//! against the account and what the reader may see: a rep sees only themselves.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use super::figures::Measured;
use crate::app::{Actor, Error, User, bad_request};
use crate::db::AnyConnection;
use crate::domain::ids::{TeamId, UserId};
use crate::domain::objective::ObjectiveKind;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::range;
use crate::store::teams::{self, TeamRow};
use crate::store::users;

/// The filters every statistics URL shares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(default)]
pub struct Filters {
    #[serde(rename = "type")]
    pub kind: String,
    pub period: String,
    pub date: String,
    pub team: String,
    pub user: String,
    /// The overview's order: `standing` (most urgent first, the default), `percent`
    /// (lowest first) or `name`.
    pub sort: String,
}

impl Filters {
    /// Whether these filters ask for the overview: its tab, or no type at all for someone
    /// who manages (a rep's statistics open on their own tables, as before).
    pub fn wants_overview(&self, manages: bool) -> bool {
        manages && (self.kind == OVERVIEW || self.kind.is_empty())
    }
}

/// The team filter's value for every team, where a team manager would see their own.
pub const ALL_TEAMS: &str = "all";

/// The `type` of the overview tab.
pub const OVERVIEW: &str = "overview";

/// The filters resolved against the account and what the reader may see.
pub struct Scope {
    pub kind: ObjectiveKind,
    pub period: Period,
    /// Periods the filter offers: those the active objectives of this kind use.
    pub periods: Vec<PeriodKind>,
    pub date: NaiveDate,
    pub team: Option<TeamId>,
    pub user: Option<UserId>,
    /// Who the figures are about, by name.
    pub people: Vec<User>,
    /// For the filters (managers only).
    pub teams: Vec<TeamRow>,
    pub everyone: Vec<User>,
    /// Each team's members, for the team rows (managers only).
    pub members: Vec<(TeamId, Vec<UserId>)>,
    /// The reader leads teams and asked for no team: their teams are shown (the team
    /// filter's `all` shows everybody).
    pub my_teams: bool,
    /// The teams the reader manages.
    pub led: Vec<TeamId>,
}

impl Scope {
    /// The query string of these filters, with another `date` (for previous and next).
    pub fn query_with_date(&self, date: NaiveDate) -> String {
        let mut pairs =
            vec![("type", self.kind.as_str().to_owned()), ("period", self.period.kind().as_str().to_owned())];
        pairs.push(("date", date.to_string()));
        if let Some(team) = self.team {
            pairs.push(("team", team.to_string()));
        } else if !self.my_teams && !self.led.is_empty() && self.user.is_none() {
            pairs.push(("team", ALL_TEAMS.to_owned()));
        }
        if let Some(user) = self.user {
            pairs.push(("user", user.to_string()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    pub fn query(&self) -> String {
        self.query_with_date(self.date)
    }

    /// Whether `team`'s row belongs in these figures: the team chosen, the reader's own
    /// teams, or every team.
    pub fn shows_team(&self, team: TeamId) -> bool {
        match self.team {
            Some(chosen) => chosen == team,
            None if self.my_teams => self.led.contains(&team),
            None => true,
        }
    }

    pub fn sees(&self, user: UserId) -> bool {
        self.people.iter().any(|p| p.id == user)
    }
}

/// Resolves the filters (no date is today at `now`). A rep sees only themselves: anyone else's id, or a team, answers
/// 404 for them, as does an id outside the account for anyone.
pub(crate) fn resolve(
    conn: &mut AnyConnection,
    actor: &Actor,
    filters: &Filters,
    objectives: &[Measured],
    fixed_kind: Option<ObjectiveKind>,
    now: DateTime<Utc>,
) -> Result<Scope, Error> {
    let account = &*actor.account;
    let calendar = account.calendar();
    let kind = fixed_kind.or_else(|| filters.kind.parse().ok()).unwrap_or(ObjectiveKind::Activity);
    let mut periods: Vec<PeriodKind> = PeriodKind::ALL
        .iter()
        .copied()
        .filter(|p| objectives.iter().any(|o| o.row.kind() == kind && o.has_period(*p)))
        .collect();
    // A period no objective of this type uses (after switching type, say) falls back to
    // the shortest one they use.
    let asked = filters.period.parse::<PeriodKind>().ok();
    let period_kind = match (asked, periods.first()) {
        (Some(asked), _) if periods.contains(&asked) => asked,
        (_, Some(shortest)) => *shortest,
        (asked, None) => asked.unwrap_or(PeriodKind::Month),
    };
    if !periods.contains(&period_kind) {
        periods.push(period_kind);
    }
    let date = range::parse_date(&filters.date).map_err(bad_request)?.unwrap_or_else(|| calendar.local_date(now));
    let period = calendar.period_of_date(period_kind, date);
    let id_of = |raw: &str| -> Result<Option<i64>, Error> {
        match raw.trim() {
            "" | ALL_TEAMS => Ok(None),
            text => text.parse::<i64>().map(Some).map_err(|_| Error::NotFound),
        }
    };
    let (team, user) = (id_of(&filters.team)?.map(TeamId), id_of(&filters.user)?.map(UserId));
    if !actor.manages() {
        if team.is_some() || user.is_some_and(|u| u != actor.user) {
            return Err(Error::NotFound);
        }
        return Ok(Scope {
            kind,
            period,
            periods,
            date,
            team: None,
            user: None,
            people: users::find(conn, actor.user)?.into_iter().collect(),
            teams: Vec::new(),
            everyone: Vec::new(),
            members: Vec::new(),
            my_teams: false,
            led: Vec::new(),
        });
    }
    let everyone = users::list(conn, account.id)?;
    let all_teams = teams::list_with_members(conn, account.id)?;
    let mut people = everyone.clone();
    if let Some(team) = team {
        let (_, members) = all_teams.iter().find(|(t, _)| t.id == team).ok_or(Error::NotFound)?;
        people.retain(|p| members.iter().any(|m| m.user_id == p.id));
    }
    // A team manager opens on their teams, unless they chose a team, a person or all.
    let led: Vec<TeamId> = all_teams
        .iter()
        .filter(|(_, members)| members.iter().any(|m| m.user_id == actor.user && m.is_manager))
        .map(|(team, _)| team.id)
        .collect();
    let my_teams = team.is_none() && user.is_none() && filters.team.trim() != ALL_TEAMS && !led.is_empty();
    if my_teams {
        people.retain(|p| {
            all_teams.iter().any(|(t, members)| led.contains(&t.id) && members.iter().any(|m| m.user_id == p.id))
        });
    }
    if let Some(user) = user {
        if !everyone.iter().any(|p| p.id == user) {
            return Err(Error::NotFound);
        }
        people.retain(|p| p.id == user);
    }
    let members =
        all_teams.iter().map(|(team, members)| (team.id, members.iter().map(|m| m.user_id).collect())).collect();
    let teams = all_teams.into_iter().map(|(team, _)| team).collect();
    Ok(Scope { kind, period, periods, date, team, user, people, teams, everyone, members, my_teams, led })
}
