//! Recording work: activities, leads and prospects. Each use case checks what it is given
//! against the account, then writes in one transaction together with the period buckets,
//! so totals are exact whatever happens.

pub mod activities;
pub mod leads;
pub mod prospects;

use chrono::{DateTime, Utc};

use super::{Actor, Cx, Error, User};
use crate::domain::Invalid;
use crate::domain::form::FieldErrors;
use crate::domain::ids::UserId;
use crate::domain::period::Calendar;
use crate::domain::recording as words;
use crate::store::users;

/// The instant a person typed in the account's zone, or now when they left it empty; never
/// one still to come.
fn moment(calendar: &Calendar, raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, Invalid> {
    if raw.trim().is_empty() {
        return Ok(now);
    }
    let local = words::parse_local_moment(raw)?;
    words::done_by(calendar.local_to_utc(local)?, now)
}

/// An instant a program sent as such: within the range moments may take, and not in the
/// future.
fn instant(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>, Invalid> {
    crate::domain::range::moment(at.naive_utc())?;
    words::done_by(at, now)
}

/// The owner a lead or prospect form asks for: managers choose any active user of the
/// account; a rep's records stay theirs.
fn owner(
    cx: &mut Cx,
    actor: &Actor,
    current: Option<UserId>,
    raw: &str,
    errors: &mut FieldErrors,
) -> Result<Option<UserId>, Error> {
    if !actor.manages() || raw.trim().is_empty() {
        return Ok(Some(current.unwrap_or(actor.user)));
    }
    let Some(id) = errors.check("owner_id", words::parse_id(raw, "choose-owner")) else { return Ok(None) };
    let owner = users::find(cx.conn, UserId(id))?.filter(|u| u.account_id == actor.account_id() && u.active);
    if owner.is_none() {
        errors.add("owner_id", "choose-active-user");
    }
    Ok(owner.map(|u| u.id))
}

/// The people a manager may give a record to: the account's active users (none for a
/// rep, whose records stay theirs).
pub fn owners(cx: &mut Cx, actor: &Actor) -> Result<Vec<User>, Error> {
    if !actor.manages() {
        return Ok(Vec::new());
    }
    Ok(users::list_active(cx.conn, actor.account_id())?)
}
