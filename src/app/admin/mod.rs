//! Edition & licences (admins): the account's edition and seats, its users and their roles,
//! its teams. Each change is checked, written in one transaction and audited.

pub mod licences;
pub mod teams;
pub mod users;

use crate::app::{Actor, Cx, Error};
use crate::domain::role::Role;
use crate::store::users as stored;

/// Checks, under the account's lock, that the actor is still an active admin of the
/// account: a request that began before its author was deactivated or demoted changes
/// nothing.
fn still_admin(cx: &mut Cx, actor: &Actor) -> Result<(), Error> {
    match stored::find(cx.conn, actor.user)? {
        Some(now) if now.account_id == actor.account_id() && now.active && now.role == Role::Admin => Ok(()),
        _ => Err(Error::Forbidden),
    }
}
