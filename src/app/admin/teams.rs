//! The account's teams (Dream Team): named groups of users, with their team managers.

use super::users::member_of;
use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::Invalid;
use crate::domain::ids::{TeamId, UserId};
use crate::domain::message::Message;
use crate::domain::recording as words;
use crate::store::teams::{self, NewMembership, NewTeam};

pub use crate::store::teams::{Member, TeamRow as Team};

/// A change to one team.
pub enum TeamChange<'a> {
    Rename(&'a str),
    Delete,
    AddMember(&'a str),
    RemoveMember(UserId),
    SetManager(UserId, bool),
}

/// A change to a membership, as its buttons ask for it.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberOp {
    Remove,
    Manager,
    Member,
}

/// A change to a team, as its buttons ask for it.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TeamOp {
    Rename,
    Delete,
    AddMember,
}

fn teams_admin(actor: &Actor) -> Result<(), Error> {
    actor.require_admin()?;
    actor.require_dream_team()
}

/// A team and its members.
pub type TeamWithMembers = (Team, Vec<Member>);

/// The account's teams with their members, and the active users one can add.
pub fn list(cx: &mut Cx, actor: &Actor) -> Result<(Vec<TeamWithMembers>, Vec<crate::app::User>), Error> {
    teams_admin(actor)?;
    let account = actor.account_id();
    Ok((teams::list_with_members(cx.conn, account)?, crate::store::users::list_active(cx.conn, account)?))
}

/// The names of the teams `user` is in.
pub fn names_of(cx: &mut Cx, actor: &Actor) -> Result<Vec<String>, Error> {
    Ok(teams::names_of_user(cx.conn, actor.account_id(), actor.user)?)
}

/// The account's teams with their members, as the Control Panel lists them (managers).
pub fn overview(cx: &mut Cx, actor: &Actor) -> Result<Vec<TeamWithMembers>, Error> {
    actor.require_manager()?;
    Ok(teams::list_with_members(cx.conn, actor.account_id())?)
}

pub fn create(cx: &mut Cx, actor: &Actor, name: &str) -> Result<(), Error> {
    teams_admin(actor)?;
    let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        if teams::find_by_name(cx.conn, account, &name)?.is_some() {
            return Err(invalid("name", Message::new("team-name-taken").arg("name", &name)));
        }
        teams::insert(cx.conn, &NewTeam { account_id: account, name: &name, created_at: cx.now.naive_utc() })?;
        Ok(())
    })
}

pub fn change(cx: &mut Cx, actor: &Actor, team: TeamId, change: TeamChange) -> Result<(), Error> {
    teams_admin(actor)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        teams::find(cx.conn, account, team)?.ok_or(Error::NotFound)?;
        match change {
            TeamChange::Rename(name) => {
                let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
                if teams::find_by_name(cx.conn, account, &name)?.is_some_and(|t| t.id != team) {
                    return Err(invalid("name", Message::new("team-name-taken").arg("name", &name)));
                }
                teams::rename(cx.conn, account, team, &name)?;
            }
            TeamChange::Delete => {
                teams::delete(cx.conn, account, team)?;
            }
            TeamChange::AddMember(raw) => {
                let id = words::parse_id(raw, "choose-user").map_err(|Invalid(m)| invalid("user_id", m))?;
                let user = member_of(cx, actor, UserId(id)).map_err(|_| invalid("user_id", "choose-account-user"))?;
                if teams::is_member(cx.conn, team, user.id)? {
                    return Err(invalid("user_id", Message::new("already-in-team").arg("name", &user.name)));
                }
                let membership =
                    NewMembership { account_id: account, team_id: team, user_id: user.id, is_manager: false };
                teams::add_member(cx.conn, &membership, cx.now.naive_utc())?;
            }
            TeamChange::RemoveMember(user) => {
                if teams::remove_member(cx.conn, account, team, user, cx.now.naive_utc())? == 0 {
                    return Err(Error::NotFound);
                }
            }
            TeamChange::SetManager(user, manager) => {
                if teams::set_manager(cx.conn, account, team, user, manager)? == 0 {
                    return Err(Error::NotFound);
                }
            }
        }
        Ok(())
    })
}
