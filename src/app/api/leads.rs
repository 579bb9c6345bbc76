//! Leads over the API: create one (or, sent again with the same `external_id`, update it),
//! update, win, reopen, delete, list page by page, read one. Each goes through the lead
//! form's use cases, so a win counts, a reopened lead is taken out of the figures, and a
//! save over someone else's newer one is refused (409).

use chrono::{DateTime, NaiveDate, Utc};

use super::idempotency::{self, Answer, Keyed, Lock};
use super::{Client, Page};
use crate::app::recording::leads::{self as recording, Lead, LeadForm};
use crate::app::{Actor, Cx, Error};
use crate::domain::account::Locale;
use crate::domain::api::Scope;
use crate::domain::ids::{LeadId, PipelineId, UserId};
use crate::domain::recording::LeadStatus;
use crate::store::external_ids::{self, Kind};
use crate::store::leads;

/// A lead as sent. Money is a decimal string in the account's currency (`"1234.50"`).
#[derive(Debug, Clone, Default)]
pub struct LeadInput {
    /// Needed to create one; on update, none keeps it.
    pub title: Option<String>,
    pub pipeline_id: Option<PipelineId>,
    /// None: the admin the token acts as (on update: unchanged).
    pub owner_id: Option<UserId>,
    pub amount: Option<String>,
    /// None: `todo` (on update: unchanged).
    pub status: Option<LeadStatus>,
    /// When won (none: now, or unchanged if it already was).
    pub closed_at: Option<DateTime<Utc>>,
    pub estimated_closing_date: Option<NaiveDate>,
    pub probability: Option<i32>,
    /// The version read before; a save over a newer one is refused.
    pub version: Option<i64>,
    pub external_id: Option<String>,
}

/// A lead as answered, with the sender's id for it.
#[derive(Debug, Clone)]
pub struct Named {
    pub lead: Lead,
    pub external_id: Option<String>,
}

/// What a create did: made a lead, or updated the one its external id named.
pub struct Saved {
    pub named: Named,
    pub created: bool,
}

/// The form a lead's input stands for, over `before` when it updates one. Numbers as a
/// program writes them (English), instants as instants.
fn form(input: &LeadInput, before: Option<&Lead>, actor: &Actor) -> LeadForm {
    let base = before.map(|lead| LeadForm::from_lead(lead, &actor.account.calendar(), Locale::En)).unwrap_or_default();
    LeadForm {
        title: input.title.clone().unwrap_or(base.title),
        pipeline_id: input.pipeline_id.map_or(base.pipeline_id, |id| id.to_string()),
        owner_id: input.owner_id.map_or(base.owner_id, |id| id.to_string()),
        amount: input.amount.clone().unwrap_or(base.amount),
        status: input.status.map_or(base.status, |s| s.as_str().to_owned()),
        closed_at: String::new(),
        closed_instant: input.closed_at,
        estimated_closing_date: input.estimated_closing_date.map_or(base.estimated_closing_date, |d| d.to_string()),
        probability: input.probability.map_or(base.probability, |p| p.to_string()),
        version: input.version.map(|v| v.to_string()).unwrap_or_default(),
        locale: Locale::En,
    }
}

pub(super) fn named(cx: &mut Cx, actor: &Actor, lead: Lead) -> Result<Named, Error> {
    let external_id = super::external_of(cx, actor, Kind::Lead, lead.id.0)?;
    Ok(Named { lead, external_id })
}

/// Creates a lead, or updates the one `external_id` names; once per idempotency key.
pub fn create(
    cx: &mut Cx,
    client: &Client,
    input: &LeadInput,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Saved) -> Answer,
) -> Result<Answer, Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    let external_id = super::external_id(input.external_id.as_deref())?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        let account = actor.account_id();
        let known = match &external_id {
            Some(external) => external_ids::record(cx.conn, account, Kind::Lead, external)?,
            None => None,
        };
        let before = match known {
            Some(id) => leads::find(cx.conn, account, LeadId(id))?,
            None => None,
        };
        let created = before.is_none();
        let lead = match &before {
            Some(lead) => recording::update(cx, actor, lead.id, &form(input, Some(lead), actor))?,
            None => recording::create(cx, actor, &form(input, None, actor))?,
        };
        if let Some(external) = &external_id {
            external_ids::set(cx.conn, account, Kind::Lead, external, lead.id.0)?;
        }
        Ok(answer(&Saved { named: named(cx, actor, lead)?, created }))
    })
}

/// Updates a lead: what is left out stays as it is; an external id sent names it from now on.
pub fn update(cx: &mut Cx, client: &Client, id: LeadId, input: &LeadInput) -> Result<Named, Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    let external_id = super::external_id(input.external_id.as_deref())?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let before = leads::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
        let lead = recording::update(cx, actor, id, &form(input, Some(&before), actor))?;
        if let Some(external) = &external_id {
            external_ids::set(cx.conn, account, Kind::Lead, external, lead.id.0)?;
        }
        named(cx, actor, lead)
    })
}

/// A win as sent: what for, when (none: now), over which version.
#[derive(Debug, Clone)]
pub struct WinInput {
    pub amount: String,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: Option<i64>,
}

/// Marks a lead won; once per idempotency key.
pub fn win(
    cx: &mut Cx,
    client: &Client,
    id: LeadId,
    win: &WinInput,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Named) -> Answer,
) -> Result<Answer, Error> {
    let input = LeadInput {
        amount: Some(win.amount.clone()),
        status: Some(LeadStatus::Won),
        closed_at: win.closed_at,
        version: win.version,
        ..LeadInput::default()
    };
    changed(cx, client, id, &input, keyed, answer)
}

/// Opens a closed lead again (to do): a won one is taken out of the figures. Once per
/// idempotency key.
pub fn reopen(
    cx: &mut Cx,
    client: &Client,
    id: LeadId,
    version: Option<i64>,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Named) -> Answer,
) -> Result<Answer, Error> {
    let input = LeadInput { status: Some(LeadStatus::Todo), version, ..LeadInput::default() };
    changed(cx, client, id, &input, keyed, answer)
}

/// The lead with `input` over it, once per idempotency key.
fn changed(
    cx: &mut Cx,
    client: &Client,
    id: LeadId,
    input: &LeadInput,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Named) -> Answer,
) -> Result<Answer, Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        let before = leads::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
        let lead = recording::update(cx, actor, id, &form(input, Some(&before), actor))?;
        Ok(answer(&named(cx, actor, lead)?))
    })
}

/// Deletes a lead with its activities, as the page does, and forgets its external id.
pub fn delete(cx: &mut Cx, client: &Client, id: LeadId) -> Result<(), Error> {
    let actor = client.require(Scope::LeadsWrite)?;
    cx.change(actor.account_id(), |cx| {
        recording::delete(cx, actor, id)?;
        external_ids::forget_record(cx.conn, actor.account_id(), Kind::Lead, id.0)?;
        Ok(())
    })
}

pub fn list(cx: &mut Cx, client: &Client, cursor: Option<&str>, limit: Option<i64>) -> Result<Page<Named>, Error> {
    let actor = client.require_any(&[Scope::LeadsWrite, Scope::ResultsRead])?;
    let (after, limit) = (super::after(cursor)?, super::limit(limit)?);
    let page = Page::of(leads::page_after(cx.conn, actor.account_id(), after, limit + 1)?, limit, |l| l.id.0);
    let ids: Vec<i64> = page.items.iter().map(|l| l.id.0).collect();
    let mut external = super::externals(cx, actor, Kind::Lead, &ids)?;
    Ok(page.map(|lead| {
        let external_id = external.remove(&lead.id.0);
        Named { lead, external_id }
    }))
}

pub fn find(cx: &mut Cx, client: &Client, id: LeadId) -> Result<Named, Error> {
    let actor = client.require_any(&[Scope::LeadsWrite, Scope::ResultsRead])?;
    let lead = leads::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    named(cx, actor, lead)
}
