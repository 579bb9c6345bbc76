//! Objectives held by teams, and each team's effective-dated targets.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{team_assignments, team_targets, teams};
use crate::domain::ids::{AccountId, ObjectiveId, TeamId};
use crate::domain::period::PeriodKind;

/// A team holding an objective, and since when.
#[derive(Debug, Clone, Queryable)]
pub struct TeamHolder {
    pub team_id: TeamId,
    pub name: String,
    pub since: NaiveDateTime,
}

/// One entry of a team's target history.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = team_targets)]
pub struct TeamTargetRow {
    pub team_id: TeamId,
    pub period: PeriodKind,
    pub effective_from: NaiveDate,
    pub value: i64,
    pub set_at: NaiveDateTime,
}

/// The teams holding the objective, by name.
pub fn holders(conn: &mut AnyConnection, account: AccountId, objective: ObjectiveId) -> QueryResult<Vec<TeamHolder>> {
    team_assignments::table
        .inner_join(teams::table)
        .filter(team_assignments::account_id.eq(account))
        .filter(team_assignments::objective_id.eq(objective))
        .order(teams::name.asc())
        .select((teams::id, teams::name, team_assignments::created_at))
        .load(conn)
}

/// The account's objectives that a team holds.
pub fn held(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<ObjectiveId>> {
    team_assignments::table
        .filter(team_assignments::account_id.eq(account))
        .select(team_assignments::objective_id)
        .distinct()
        .load(conn)
}

pub fn assign(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
    team: TeamId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(team_assignments::table)
        .values((
            team_assignments::account_id.eq(account),
            team_assignments::objective_id.eq(objective),
            team_assignments::team_id.eq(team),
            team_assignments::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Removes the team's hold on the objective, and its targets.
pub fn unassign(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
    team: TeamId,
) -> QueryResult<usize> {
    diesel::delete(
        team_targets::table
            .filter(team_targets::account_id.eq(account))
            .filter(team_targets::objective_id.eq(objective))
            .filter(team_targets::team_id.eq(team)),
    )
    .execute(conn)?;
    diesel::delete(
        team_assignments::table
            .filter(team_assignments::account_id.eq(account))
            .filter(team_assignments::objective_id.eq(objective))
            .filter(team_assignments::team_id.eq(team)),
    )
    .execute(conn)
}

/// Everything a deleted team held.
pub fn remove_team(conn: &mut AnyConnection, account: AccountId, team: TeamId) -> QueryResult<usize> {
    diesel::delete(
        team_targets::table.filter(team_targets::account_id.eq(account)).filter(team_targets::team_id.eq(team)),
    )
    .execute(conn)?;
    diesel::delete(
        team_assignments::table
            .filter(team_assignments::account_id.eq(account))
            .filter(team_assignments::team_id.eq(team)),
    )
    .execute(conn)
}

/// Every team target of the objective, by team, period and date.
pub fn targets(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
) -> QueryResult<Vec<TeamTargetRow>> {
    team_targets::table
        .filter(team_targets::account_id.eq(account))
        .filter(team_targets::objective_id.eq(objective))
        .order((team_targets::team_id.asc(), team_targets::period.asc(), team_targets::effective_from.asc()))
        .select(TeamTargetRow::as_select())
        .load(conn)
}

/// Every team target of the account, by objective, team, period and date.
pub fn all(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<(ObjectiveId, TeamTargetRow)>> {
    team_targets::table
        .filter(team_targets::account_id.eq(account))
        .order((
            team_targets::objective_id.asc(),
            team_targets::team_id.asc(),
            team_targets::period.asc(),
            team_targets::effective_from.asc(),
        ))
        .select((team_targets::objective_id, TeamTargetRow::as_select()))
        .load(conn)
}

/// Records the entry, replacing one of the same period and date.
pub fn set_target(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
    entry: &TeamTargetRow,
) -> QueryResult<()> {
    diesel::delete(
        team_targets::table
            .filter(team_targets::account_id.eq(account))
            .filter(team_targets::objective_id.eq(objective))
            .filter(team_targets::team_id.eq(entry.team_id))
            .filter(team_targets::period.eq(entry.period.as_str()))
            .filter(team_targets::effective_from.eq(entry.effective_from)),
    )
    .execute(conn)?;
    diesel::insert_into(team_targets::table)
        .values((
            team_targets::account_id.eq(account),
            team_targets::objective_id.eq(objective),
            team_targets::team_id.eq(entry.team_id),
            team_targets::period.eq(entry.period.as_str()),
            team_targets::effective_from.eq(entry.effective_from),
            team_targets::value.eq(entry.value),
            team_targets::set_at.eq(entry.set_at),
        ))
        .execute(conn)
        .map(drop)
}

/// Replaces every team target of the account (a calendar change re-dates them).
pub fn replace_all(
    conn: &mut AnyConnection,
    account: AccountId,
    entries: &[(ObjectiveId, TeamTargetRow)],
) -> QueryResult<()> {
    diesel::delete(team_targets::table.filter(team_targets::account_id.eq(account))).execute(conn)?;
    for (objective, entry) in entries {
        set_target(conn, account, *objective, entry)?;
    }
    Ok(())
}
