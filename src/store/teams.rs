use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{team_memberships, team_spells, teams, users};
use crate::domain::ids::{AccountId, TeamId, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = teams)]
pub struct TeamRow {
    pub id: TeamId,
    pub account_id: AccountId,
    pub name: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = teams)]
pub struct NewTeam<'a> {
    pub account_id: AccountId,
    pub name: &'a str,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = team_memberships)]
pub struct NewMembership {
    pub account_id: AccountId,
    pub team_id: TeamId,
    pub user_id: UserId,
    pub is_manager: bool,
}

/// One member of a team, as listed on its page.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    pub team_id: TeamId,
    pub user_id: UserId,
    pub name: String,
    pub is_manager: bool,
}

pub fn insert(conn: &mut AnyConnection, new: &NewTeam) -> QueryResult<TeamRow> {
    diesel::insert_into(teams::table).values(new).execute(conn)?;
    teams::table
        .filter(teams::account_id.eq(new.account_id))
        .filter(teams::name.eq(new.name))
        .select(TeamRow::as_select())
        .get_result(conn)
}

/// Adds a member, their spell in the team beginning `at`.
pub fn add_member(conn: &mut AnyConnection, membership: &NewMembership, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(team_memberships::table).values(membership).execute(conn)?;
    diesel::insert_into(team_spells::table)
        .values((
            team_spells::account_id.eq(membership.account_id),
            team_spells::team_id.eq(membership.team_id),
            team_spells::user_id.eq(membership.user_id),
            team_spells::joined_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}

/// One spell of a member in a team: from `joined_at` until `left_at` (none: still in it).
#[derive(Debug, Clone, Queryable)]
pub struct Spell {
    pub user_id: UserId,
    pub joined_at: NaiveDateTime,
    pub left_at: Option<NaiveDateTime>,
}

/// Every spell of the team's members, past and present.
pub fn spells(conn: &mut AnyConnection, account: AccountId, team: TeamId) -> QueryResult<Vec<Spell>> {
    team_spells::table
        .filter(team_spells::account_id.eq(account))
        .filter(team_spells::team_id.eq(team))
        .order((team_spells::user_id.asc(), team_spells::joined_at.asc()))
        .select((team_spells::user_id, team_spells::joined_at, team_spells::left_at))
        .load(conn)
}

/// The account's teams, by name.
pub fn list(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<TeamRow>> {
    teams::table.filter(teams::account_id.eq(account)).order(teams::name.asc()).select(TeamRow::as_select()).load(conn)
}

/// Every membership of the account, managers first then by name.
pub fn members(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<Member>> {
    team_memberships::table
        .inner_join(users::table)
        .filter(team_memberships::account_id.eq(account))
        .order((team_memberships::is_manager.desc(), users::name.asc()))
        .select((team_memberships::team_id, users::id, users::name, team_memberships::is_manager))
        .load(conn)
}

/// The names of the teams `user` belongs to.
pub fn names_of_user(conn: &mut AnyConnection, account: AccountId, user: UserId) -> QueryResult<Vec<String>> {
    teams::table
        .inner_join(team_memberships::table)
        .filter(teams::account_id.eq(account))
        .filter(team_memberships::user_id.eq(user))
        .order(teams::name.asc())
        .select(teams::name)
        .load(conn)
}

/// The account's teams, each with its members.
pub fn list_with_members(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<(TeamRow, Vec<Member>)>> {
    let teams = list(conn, account)?;
    let mut members = members(conn, account)?;
    Ok(teams
        .into_iter()
        .map(|team| {
            let (mine, rest): (Vec<Member>, Vec<Member>) = members.drain(..).partition(|m| m.team_id == team.id);
            members = rest;
            (team, mine)
        })
        .collect())
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: TeamId) -> QueryResult<Option<TeamRow>> {
    one_in_account!(conn, teams as TeamRow, account, id = id)
}

pub fn find_by_name(conn: &mut AnyConnection, account: AccountId, name: &str) -> QueryResult<Option<TeamRow>> {
    one_in_account!(conn, teams as TeamRow, account, name = name)
}

pub fn rename(conn: &mut AnyConnection, account: AccountId, id: TeamId, name: &str) -> QueryResult<usize> {
    diesel::update(teams::table.filter(teams::account_id.eq(account)).filter(teams::id.eq(id)))
        .set(teams::name.eq(name))
        .execute(conn)
}

/// Deletes a team and its memberships; its people and their figures stay.
pub fn delete(conn: &mut AnyConnection, account: AccountId, id: TeamId) -> QueryResult<usize> {
    diesel::delete(team_memberships::table.filter(team_memberships::team_id.eq(id))).execute(conn)?;
    diesel::delete(team_spells::table.filter(team_spells::team_id.eq(id))).execute(conn)?;
    crate::store::team_objectives::remove_team(conn, account, id)?;
    diesel::delete(teams::table.filter(teams::account_id.eq(account)).filter(teams::id.eq(id))).execute(conn)
}

/// Removes a member, their spell in the team ending `at`: their past work stays the team's.
pub fn remove_member(
    conn: &mut AnyConnection,
    account: AccountId,
    team: TeamId,
    user: UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        team_spells::table
            .filter(team_spells::account_id.eq(account))
            .filter(team_spells::team_id.eq(team))
            .filter(team_spells::user_id.eq(user))
            .filter(team_spells::left_at.is_null()),
    )
    .set(team_spells::left_at.eq(at))
    .execute(conn)?;
    diesel::delete(
        team_memberships::table
            .filter(team_memberships::account_id.eq(account))
            .filter(team_memberships::team_id.eq(team))
            .filter(team_memberships::user_id.eq(user)),
    )
    .execute(conn)
}

pub fn set_manager(
    conn: &mut AnyConnection,
    account: AccountId,
    team: TeamId,
    user: UserId,
    manager: bool,
) -> QueryResult<usize> {
    diesel::update(
        team_memberships::table
            .filter(team_memberships::account_id.eq(account))
            .filter(team_memberships::team_id.eq(team))
            .filter(team_memberships::user_id.eq(user)),
    )
    .set(team_memberships::is_manager.eq(manager))
    .execute(conn)
}

pub fn is_member(conn: &mut AnyConnection, team: TeamId, user: UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        team_memberships::table.filter(team_memberships::team_id.eq(team)).filter(team_memberships::user_id.eq(user)),
    ))
    .get_result(conn)
}
