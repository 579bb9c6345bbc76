//! Objectives over the API, read as the Control Panel shows them: what each counts, its
//! targets in force now, its holders and teams.

use super::Client;
use crate::app::objectives::editor::current_targets;
use crate::app::objectives::pages::{self, Listing, ObjectivePage, Shelf};
use crate::app::{Cx, Error};
use crate::domain::api::Scope;
use crate::domain::ids::ObjectiveId;
use crate::domain::period::PeriodKind;

pub fn list(cx: &mut Cx, client: &Client, shelf: Shelf) -> Result<Listing, Error> {
    let actor = client.require_any(&[Scope::ObjectivesRead, Scope::ObjectivesWrite])?;
    pages::list(cx, actor, shelf)
}

/// An objective's page, with its targets in force now.
pub fn find(cx: &mut Cx, client: &Client, id: ObjectiveId) -> Result<(ObjectivePage, Vec<(PeriodKind, i64)>), Error> {
    let actor = client.require_any(&[Scope::ObjectivesRead, Scope::ObjectivesWrite])?;
    let page = pages::page(cx, actor, id)?;
    let targets = current_targets(cx, &actor.account, &page.objective)?;
    Ok((page, targets))
}
