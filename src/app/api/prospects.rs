//! Prospects over the API: create one (or, sent again with the same `external_id`, update
//! it), update, delete (with its activities, taken out of the figures), turn one into a
//! lead, list page by page, read one. Each goes through the prospect form's use cases.

use super::idempotency::{self, Answer, Keyed, Lock};
use super::{Client, Page, external_of, externals};
use crate::app::recording::prospects::{self as recording, Prospect, ProspectForm};
use crate::app::{Actor, Cx, Error};
use crate::domain::api::Scope;
use crate::domain::ids::{ProspectId, UserId};
use crate::store::external_ids::Kind;
use crate::store::{external_ids, prospects};

/// A prospect as sent: on update, what is left out stays as it is.
#[derive(Debug, Clone, Default)]
pub struct ProspectInput {
    /// Needed to create one.
    pub name: Option<String>,
    /// Its prospecting list; empty: none.
    pub list_name: Option<String>,
    /// None: the admin the token acts as (on update: unchanged).
    pub owner_id: Option<UserId>,
    pub external_id: Option<String>,
}

/// A prospect as answered, with the sender's id for it.
#[derive(Debug, Clone)]
pub struct Named {
    pub prospect: Prospect,
    pub external_id: Option<String>,
}

/// What a create did: made a prospect, or updated the one its external id named.
pub struct Saved {
    pub named: Named,
    pub created: bool,
}

fn form(input: &ProspectInput, before: Option<&Prospect>) -> ProspectForm {
    let base = before.map(ProspectForm::from_prospect).unwrap_or_default();
    ProspectForm {
        name: input.name.clone().unwrap_or(base.name),
        list_name: input.list_name.clone().unwrap_or(base.list_name),
        owner_id: input.owner_id.map_or(base.owner_id, |id| id.to_string()),
    }
}

fn named(cx: &mut Cx, actor: &Actor, prospect: Prospect) -> Result<Named, Error> {
    let external_id = external_of(cx, actor, Kind::Prospect, prospect.id.0)?;
    Ok(Named { prospect, external_id })
}

fn stored(cx: &mut Cx, actor: &Actor, id: ProspectId) -> Result<Prospect, Error> {
    prospects::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)
}

/// Saves `input` over `before` (none: a new prospect), naming it by `external_id`.
fn save(
    cx: &mut Cx,
    actor: &Actor,
    before: Option<&Prospect>,
    input: &ProspectInput,
    external_id: Option<&str>,
) -> Result<Named, Error> {
    let prospect = match before {
        Some(before) => {
            recording::update(cx, actor, before.id, &form(input, Some(before)))?;
            stored(cx, actor, before.id)?
        }
        None => recording::create(cx, actor, &form(input, None))?,
    };
    if let Some(external) = external_id {
        external_ids::set(cx.conn, actor.account_id(), Kind::Prospect, external, prospect.id.0)?;
    }
    named(cx, actor, prospect)
}

/// Creates a prospect, or updates the one `external_id` names; once per idempotency key.
pub fn create(
    cx: &mut Cx,
    client: &Client,
    input: &ProspectInput,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Saved) -> Answer,
) -> Result<Answer, Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    let external_id = super::external_id(input.external_id.as_deref())?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        let known = match &external_id {
            Some(external) => external_ids::record(cx.conn, actor.account_id(), Kind::Prospect, external)?,
            None => None,
        };
        let before = match known {
            Some(id) => prospects::find(cx.conn, actor.account_id(), ProspectId(id))?,
            None => None,
        };
        let named = save(cx, actor, before.as_ref(), input, external_id.as_deref())?;
        Ok(answer(&Saved { named, created: before.is_none() }))
    })
}

/// Updates a prospect: what is left out stays as it is; an external id sent names it from
/// now on.
pub fn update(cx: &mut Cx, client: &Client, id: ProspectId, input: &ProspectInput) -> Result<Named, Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    let external_id = super::external_id(input.external_id.as_deref())?;
    cx.change(actor.account_id(), |cx| {
        let before = stored(cx, actor, id)?;
        save(cx, actor, Some(&before), input, external_id.as_deref())
    })
}

/// Deletes a prospect with its activities, as the page does, and forgets its external id.
pub fn delete(cx: &mut Cx, client: &Client, id: ProspectId) -> Result<(), Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    cx.change(actor.account_id(), |cx| {
        recording::delete(cx, actor, id)?;
        external_ids::forget_record(cx.conn, actor.account_id(), Kind::Prospect, id.0)?;
        Ok(())
    })
}

/// Turns a prospect into a lead of the pipeline, as the page does; once per idempotency key.
pub fn convert(
    cx: &mut Cx,
    client: &Client,
    id: ProspectId,
    pipeline_id: i64,
    keyed: Option<&Keyed>,
    answer: impl Fn(&super::leads::Named) -> Answer,
) -> Result<Answer, Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        let lead = recording::convert(cx, actor, id, &pipeline_id.to_string())?;
        Ok(answer(&super::leads::named(cx, actor, lead)?))
    })
}

pub fn list(cx: &mut Cx, client: &Client, cursor: Option<&str>, limit: Option<i64>) -> Result<Page<Named>, Error> {
    let actor = client.require_any(&[Scope::LeadsWrite, Scope::ResultsRead])?;
    let (after, limit) = (super::after(cursor)?, super::limit(limit)?);
    let page = Page::of(prospects::page_after(cx.conn, actor.account_id(), after, limit + 1)?, limit, |p| p.id.0);
    let ids: Vec<i64> = page.items.iter().map(|p| p.id.0).collect();
    let mut external = externals(cx, actor, Kind::Prospect, &ids)?;
    Ok(page.map(|prospect| {
        let external_id = external.remove(&prospect.id.0);
        Named { prospect, external_id }
    }))
}

pub fn find(cx: &mut Cx, client: &Client, id: ProspectId) -> Result<Named, Error> {
    let actor = client.require_any(&[Scope::LeadsWrite, Scope::ResultsRead])?;
    let prospect = stored(cx, actor, id)?;
    named(cx, actor, prospect)
}
