//! What other records name, over the API: the account's users, teams, pipelines, and
//! actions with their results. Pipelines and actions are readable with any token (every
//! writer needs their ids); users and teams need `users:read`.

use super::{Client, Page};
use crate::app::sales_process::actions::ActionWithOutcomes;
use crate::app::{Cx, Error, User};
use crate::domain::api::Scope;
use crate::domain::ids::UserId;
use crate::store::{actions, pipelines, teams, users};

pub use crate::store::pipelines::PipelineRow as Pipeline;
pub use crate::store::teams::{Member, TeamRow as Team};

/// The account's users after the cursor, in id order.
pub fn users(cx: &mut Cx, client: &Client, cursor: Option<&str>, limit: Option<i64>) -> Result<Page<User>, Error> {
    let actor = client.require(Scope::UsersRead)?;
    let (after, limit) = (super::after(cursor)?, super::limit(limit)?);
    let mut all = users::list(cx.conn, actor.account_id())?;
    all.sort_by_key(|u| u.id);
    let rows = all.into_iter().filter(|u| u.id.0 > after).take(usize::try_from(limit + 1).unwrap_or(usize::MAX));
    Ok(Page::of(rows.collect(), limit, |u| u.id.0))
}

pub fn user(cx: &mut Cx, client: &Client, id: UserId) -> Result<User, Error> {
    let actor = client.require(Scope::UsersRead)?;
    users::find(cx.conn, id)?.filter(|u| u.account_id == actor.account_id()).ok_or(Error::NotFound)
}

/// The account's teams with their members.
pub fn teams(cx: &mut Cx, client: &Client) -> Result<Vec<(Team, Vec<Member>)>, Error> {
    let actor = client.require(Scope::UsersRead)?;
    Ok(teams::list_with_members(cx.conn, actor.account_id())?)
}

pub fn pipelines(cx: &mut Cx, client: &Client) -> Result<Vec<Pipeline>, Error> {
    Ok(pipelines::list(cx.conn, client.actor.account_id())?)
}

/// Every action with its results, those no longer in use too (old activities name them).
pub fn actions(cx: &mut Cx, client: &Client) -> Result<Vec<ActionWithOutcomes>, Error> {
    Ok(actions::list(cx.conn, client.actor.account_id())?)
}
