//! Who holds an objective (rule 3): users ticked one by one or a team's active members,
//! never the same user twice (a database constraint, and a clear message).

use crate::app::{Actor, Cx, Error, User, invalid};
use crate::domain::Invalid;
use crate::domain::ids::{ObjectiveId, TeamId, UserId};
use crate::domain::message::Message;
use crate::domain::recording as words;
use crate::store::objectives::{self, ObjectiveRow};
use crate::store::{is_unique_violation, teams, users};

/// Who an assignment is for, as the objective page's form asks.
pub enum AssignTo<'a> {
    /// The ids of the users ticked.
    Users(&'a [String]),
    /// The id of a team, whose active reps are assigned; its managers too when asked.
    Team { team: &'a str, include_managers: bool },
}

pub fn assign(cx: &mut Cx, actor: &Actor, id: ObjectiveId, to: AssignTo) -> Result<usize, Error> {
    match to {
        AssignTo::Users(ids) => assign_users(cx, actor, id, ids),
        AssignTo::Team { team, include_managers } => assign_team(cx, actor, id, team, include_managers),
    }
}

/// Assigns the objective to the users whose ids were ticked. A user who already holds it
/// refuses the whole change; only active users of the account can be chosen.
pub fn assign_users(cx: &mut Cx, actor: &Actor, id: ObjectiveId, user_ids: &[String]) -> Result<usize, Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        assignable(cx, actor, id)?;
        let mut chosen: Vec<User> = Vec::new();
        for raw in user_ids {
            let user = words::parse_id(raw, "a user")
                .ok()
                .and_then(|id| users::find(cx.conn, UserId(id)).transpose())
                .transpose()?
                .filter(|u| u.account_id == account && u.active)
                .ok_or_else(|| invalid("user_ids", "choose-active-users"))?;
            if !chosen.iter().any(|c| c.id == user.id) {
                chosen.push(user);
            }
        }
        if chosen.is_empty() {
            return Err(invalid("user_ids", "choose-one-user"));
        }
        let mut already = Vec::new();
        for user in &chosen {
            if objectives::is_assigned(cx.conn, id, user.id)? {
                already.push(user.name.as_str());
            }
        }
        if !already.is_empty() {
            let message =
                Message::new("objective-already-held").arg("who", already.join(", ")).arg("count", already.len());
            return Err(invalid("user_ids", message));
        }
        for user in &chosen {
            objectives::assign(cx.conn, account, id, user.id, cx.now.naive_utc()).map_err(|e| {
                if is_unique_violation(&e) {
                    invalid("user_ids", Message::new("objective-already-held").arg("who", &user.name).arg("count", 1))
                } else {
                    e.into()
                }
            })?;
        }
        Ok(chosen.len())
    })
}

/// Assigns the objective to a team's active reps: those who sell, not those who lead them
/// (the team's managers, and managers or admins who are members), unless
/// `include_managers`. Those who hold it already keep their assignment.
pub fn assign_team(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    team_id: &str,
    include_managers: bool,
) -> Result<usize, Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        assignable(cx, actor, id)?;
        let team = words::parse_id(team_id, "choose-team").map_err(|Invalid(m)| invalid("team_id", m))?;
        let (team, members) = teams::list_with_members(cx.conn, account)?
            .into_iter()
            .find(|(t, _)| t.id == TeamId(team))
            .ok_or_else(|| invalid("team_id", "choose-account-team"))?;
        let mut assigned = 0;
        for member in members {
            let Some(user) = users::find(cx.conn, member.user_id)? else { continue };
            let leads_the_team = member.is_manager || user.role != crate::domain::role::Role::Rep;
            if user.active && (include_managers || !leads_the_team) && !objectives::is_assigned(cx.conn, id, user.id)? {
                objectives::assign(cx.conn, account, id, member.user_id, cx.now.naive_utc())?;
                assigned += 1;
            }
        }
        if assigned == 0 {
            return Err(invalid("team_id", Message::new("objective-held-by-team").arg("team", &team.name)));
        }
        Ok(assigned)
    })
}

pub fn unassign(cx: &mut Cx, actor: &Actor, id: ObjectiveId, user: UserId) -> Result<(), Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        // Their own targets go with the assignment (the foreign key would refuse otherwise).
        crate::store::holder_targets::remove_holder(cx.conn, account, id, user)?;
        match objectives::unassign(cx.conn, account, id, user)? {
            0 => Err(Error::NotFound),
            _ => Ok(()),
        }
    })
}

/// What removing `user` from the objective is said to do: the objective's name and theirs.
pub fn removal(cx: &mut Cx, actor: &Actor, id: ObjectiveId, user: UserId) -> Result<(String, String), Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let objective = objectives::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    if !objectives::is_assigned(cx.conn, id, user)? {
        return Err(Error::NotFound);
    }
    let name = crate::store::users::find(cx.conn, user)?.map(|u| u.name).unwrap_or_default();
    Ok((objective.name, name))
}

/// An archived objective is out of the assignment pickers until restored.
fn assignable(cx: &mut Cx, actor: &Actor, id: ObjectiveId) -> Result<ObjectiveRow, Error> {
    let objective = objectives::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    if objective.archived_at.is_some() {
        return Err(invalid("user_ids", "objective-archived"));
    }
    Ok(objective)
}
