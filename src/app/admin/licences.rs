//! The account's edition and its number of licences (seats).

use super::still_admin;
use crate::app::audit::{self, Event};
use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::Invalid;
use crate::domain::edition::Edition;
use crate::domain::form::FieldErrors;
use crate::domain::message::Message;
use crate::store::{accounts, users};

/// The seats held by active users, and the seats paid for.
pub fn in_use(cx: &mut Cx, actor: &Actor) -> Result<(i64, i32), Error> {
    actor.require_admin()?;
    let account = accounts::find(cx.conn, actor.account_id())?.ok_or(Error::NotFound)?;
    Ok((users::count_active(cx.conn, actor.account_id())?, account.licences))
}

/// What a change of edition and licences would do, said before it is done.
pub struct Review {
    pub edition: (Edition, Edition),
    pub licences: (i32, i32),
    /// The account's active sales objectives: hidden by an edition without them.
    pub objectives: usize,
}

/// Checks the change as `change` would, and says what it would do; nothing is written.
pub fn review(cx: &mut Cx, actor: &Actor, edition: &str, licences: &str) -> Result<Review, Error> {
    actor.require_admin()?;
    let (edition, licences) = parse(edition, licences)?;
    let account = accounts::find(cx.conn, actor.account_id())?.ok_or(Error::NotFound)?;
    below_active(cx, actor, licences)?;
    let objectives = crate::store::objectives::list(cx.conn, actor.account_id(), false)?.len();
    Ok(Review { edition: (account.edition, edition), licences: (account.licences, licences), objectives })
}

fn parse(edition: &str, licences: &str) -> Result<(Edition, i32), Error> {
    let mut errors = FieldErrors::new();
    let edition = errors.check("edition", edition.parse::<Edition>());
    let licences =
        errors.check("licences", licences.trim().parse::<u32>().map_err(|_| Invalid::new("licences-whole-number")));
    let (Some(edition), Some(licences)) = (edition, licences) else { return Err(errors.into()) };
    let licences = edition.check_licences(licences).map_err(|Invalid(m)| invalid("licences", m))?;
    let licences = i32::try_from(licences).map_err(|_| invalid("licences", "licences-too-many"))?;
    Ok((edition, licences))
}

/// Refuses fewer licences than active users.
fn below_active(cx: &mut Cx, actor: &Actor, licences: i32) -> Result<(), Error> {
    let active = users::count_active(cx.conn, actor.account_id())?;
    if i64::from(licences) < active {
        return Err(invalid(
            "licences",
            Message::new("licences-below-active").arg("active", active).arg("licences", licences),
        ));
    }
    Ok(())
}

/// Sets the edition and the licences, as typed. Fewer licences than active users is
/// refused; an edition's cap on licences is kept; nothing is deleted by a smaller edition
/// (rule 7).
pub fn change(cx: &mut Cx, actor: &Actor, edition: &str, licences: &str) -> Result<(), Error> {
    actor.require_admin()?;
    let (edition, licences) = parse(edition, licences)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        still_admin(cx, actor)?;
        below_active(cx, actor, licences)?;
        let before = accounts::find(cx.conn, account)?.ok_or(Error::NotFound)?;
        accounts::set_edition_and_licences(cx.conn, account, edition, licences)?;
        if before.edition != edition {
            let event = Event::EditionChanged { before: before.edition, after: edition };
            audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        }
        if before.licences != licences {
            let event = Event::LicencesChanged { before: before.licences, after: licences };
            audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        }
        Ok(())
    })
}

/// Refuses (on `field`) a change that needs a licence when every one is held.
pub(super) fn require_free_licence(cx: &mut Cx, actor: &Actor, field: &'static str) -> Result<(), Error> {
    let licences = accounts::find(cx.conn, actor.account_id())?.map_or(0, |a| a.licences);
    if users::count_active(cx.conn, actor.account_id())? >= i64::from(licences) {
        return Err(invalid(field, Message::new("licences-all-used").arg("licences", licences)));
    }
    Ok(())
}
