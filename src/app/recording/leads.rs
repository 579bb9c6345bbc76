//! Leads: opportunities in a pipeline, whose wins are revenue (rule 4). A won lead credits
//! its amount on its closing date to whoever owned it when it was won; reopening, deleting
//! or changing it corrects every total in the same transaction.

use chrono::{DateTime, Utc};

use super::{moment, owner};
use crate::app::{Actor, Cx, Error, User, invalid};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{LeadId, PipelineId};
use crate::domain::money::Amount;
use crate::domain::period::Calendar;
use crate::domain::recording::{self as words, LeadStatus};
use crate::store::activities::{self, ActivityLine};
use crate::store::lead_changes::{self, LeadChange};
use crate::store::leads::{self, LeadData};
use crate::store::prospects::{self, ProspectRow as Prospect};
use crate::store::{pipelines, users};

pub use super::activities::ActionWithOutcomes;

pub use crate::store::leads::{LeadLine, LeadRow as Lead};
pub use crate::store::pipelines::PipelineRow as Pipeline;

/// What a form saved over someone else's newer save is told.
pub const CHANGED_MEANWHILE: &str = "changed-meanwhile";

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct LeadForm {
    pub title: String,
    pub pipeline_id: String,
    /// Empty: the actor. Only managers may give a lead to someone else.
    pub owner_id: String,
    pub amount: String,
    pub status: String,
    /// When won: the local moment; empty means now (or, already won, unchanged).
    pub closed_at: String,
    /// While open: when it should close (`YYYY-MM-DD`) and how likely, in percent.
    pub estimated_closing_date: String,
    pub probability: String,
    /// The version of the lead the form showed; a save over a newer version is refused.
    /// Empty: whatever the lead is now (a script that does not read first).
    pub version: String,
    /// How the person writes numbers; set from their language, never from the request body.
    #[serde(skip)]
    pub locale: Locale,
    /// When won, as an instant, from a front that has one (the API): `closed_at` is then
    /// not read.
    #[serde(skip)]
    pub closed_instant: Option<DateTime<Utc>>,
}

impl LeadForm {
    /// The form filled with a lead's values, for editing.
    pub fn from_lead(lead: &Lead, calendar: &Calendar, locale: Locale) -> Self {
        Self {
            title: lead.title.clone(),
            pipeline_id: lead.pipeline_id.to_string(),
            owner_id: lead.owner_id.to_string(),
            amount: lead.amount_cents.map(|c| Amount::from_cents(c).to_form(locale)).unwrap_or_default(),
            status: lead.status.as_str().to_owned(),
            closed_at: lead
                .closed_at
                .map(|at| calendar.local_datetime(at.and_utc()).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            estimated_closing_date: lead.estimated_closing_date.map(|d| d.to_string()).unwrap_or_default(),
            probability: lead.probability.map(|p| p.to_string()).unwrap_or_default(),
            version: lead.version.to_string(),
            locale,
            closed_instant: None,
        }
    }
}

/// The leads the actor may see: everybody's for a manager, else their own.
pub fn list(cx: &mut Cx, actor: &Actor) -> Result<Vec<LeadLine>, Error> {
    Ok(leads::list(cx.conn, actor.account_id(), actor.visible_owner())?)
}

/// What the lead form shows: the lead as stored (when editing one), the account's
/// pipelines, and the people a manager may give the lead to.
pub struct FormPage {
    pub stored: Option<Lead>,
    pub pipelines: Vec<Pipeline>,
    pub owners: Vec<User>,
}

pub fn form_page(cx: &mut Cx, actor: &Actor, id: Option<LeadId>) -> Result<FormPage, Error> {
    let stored = id.map(|id| find(cx, actor, id)).transpose()?;
    Ok(FormPage { stored, pipelines: pipelines::list(cx.conn, actor.account_id())?, owners: super::owners(cx, actor)? })
}

/// The lead, if it is in the account and the actor may see it.
fn find(cx: &mut Cx, actor: &Actor, id: LeadId) -> Result<Lead, Error> {
    leads::find(cx.conn, actor.account_id(), id)?.filter(|lead| actor.may_touch(lead.owner_id)).ok_or(Error::NotFound)
}

pub fn create(cx: &mut Cx, actor: &Actor, form: &LeadForm) -> Result<Lead, Error> {
    cx.change(actor.account_id(), |cx| {
        let data = data(cx, actor, None, form)?;
        let lead = leads::insert(cx.conn, actor.account_id(), &data, cx.now.naive_utc())?;
        record_change(cx.conn, &lead, Some(actor.user), cx.now.naive_utc())?;
        Ok(lead)
    })
}

/// Saves the form over the lead. A form that showed an older version than the lead's
/// (someone saved it meanwhile) is refused: nothing is written.
pub fn update(cx: &mut Cx, actor: &Actor, id: LeadId, form: &LeadForm) -> Result<Lead, Error> {
    cx.change(actor.account_id(), |cx| {
        let before = find(cx, actor, id)?;
        if !form.version.trim().is_empty() && form.version.trim() != before.version.to_string() {
            return Err(invalid(FieldErrors::FORM, CHANGED_MEANWHILE));
        }
        let data = data(cx, actor, Some(&before), form)?;
        let after = leads::update(cx.conn, actor.account_id(), id, &data)?.ok_or(Error::NotFound)?;
        let won_for = |lead: &Lead| (lead.status, lead.win().map(|w| w.cents));
        if won_for(&before) != won_for(&after) {
            record_change(cx.conn, &after, Some(actor.user), cx.now.naive_utc())?;
        }
        Ok(after)
    })
}

/// Adds the lead's status as it is now (and what it was won for) to its timeline.
pub(crate) fn record_change(
    conn: &mut crate::db::AnyConnection,
    lead: &Lead,
    by: Option<crate::domain::ids::UserId>,
    at: chrono::NaiveDateTime,
) -> diesel::QueryResult<()> {
    let amount = lead.win().map(|w| w.cents);
    lead_changes::record(conn, lead.account_id, lead.id, by, at, (lead.status, amount))
}

/// How many activities and status changes a page's timeline shows at most.
pub const TIMELINE_LENGTH: i64 = 200;

/// Everything a lead's page shows: the lead, its timeline, and what may be logged on it.
pub struct LeadPage {
    pub lead: Lead,
    pub pipeline: String,
    pub owner: String,
    /// Its status changes and the activities logged on it, each latest first.
    pub changes: Vec<LeadChange>,
    pub activities: Vec<ActivityLine>,
    pub actions: Vec<ActionWithOutcomes>,
    /// The prospect it was converted from.
    pub prospect: Option<Prospect>,
}

pub fn page(cx: &mut Cx, actor: &Actor, id: LeadId) -> Result<LeadPage, Error> {
    let account = actor.account_id();
    let lead = find(cx, actor, id)?;
    let pipeline = pipelines::find(cx.conn, account, lead.pipeline_id)?.map(|p| p.name).unwrap_or_default();
    let owner = users::find(cx.conn, lead.owner_id)?.map(|u| u.name).unwrap_or_default();
    Ok(LeadPage {
        changes: lead_changes::of_lead(cx.conn, account, id, TIMELINE_LENGTH)?,
        activities: activities::on_lead(cx.conn, account, id, TIMELINE_LENGTH)?,
        actions: super::activities::loggable(cx, account)?,
        prospect: prospects::converted_into(cx.conn, account, id)?,
        lead,
        pipeline,
        owner,
    })
}

/// Marks the lead won for `amount` (typed the reader's way), now, from its page: the rest
/// of the lead stays as it is. `version` is the one the page showed, as on the edit form.
pub fn win(cx: &mut Cx, actor: &Actor, id: LeadId, amount: &str, version: &str, locale: Locale) -> Result<Lead, Error> {
    let lead = find(cx, actor, id)?;
    let form = LeadForm {
        status: LeadStatus::Won.as_str().to_owned(),
        amount: amount.to_owned(),
        closed_at: String::new(),
        version: version.to_owned(),
        ..LeadForm::from_lead(&lead, &actor.account.calendar(), locale)
    };
    update(cx, actor, id, &form)
}

/// What deleting a lead would take away, said before it is done.
pub struct Deletion {
    pub title: String,
    /// While it is won: its amount (cents), who it is credited to and on which local day.
    pub won: Option<(i64, String, chrono::NaiveDate)>,
    /// The activities logged on it, deleted with it.
    pub activities: i64,
}

pub fn deletion(cx: &mut Cx, actor: &Actor, id: LeadId) -> Result<Deletion, Error> {
    let lead = find(cx, actor, id)?;
    let won = match lead.win() {
        Some(win) => {
            let name = users::find(cx.conn, win.user)?.map(|u| u.name).unwrap_or_default();
            Some((win.cents, name, win.day))
        }
        None => None,
    };
    let activities = activities::count_on_lead(cx.conn, actor.account_id(), id)?;
    Ok(Deletion { title: lead.title, won, activities })
}

pub fn delete(cx: &mut Cx, actor: &Actor, id: LeadId) -> Result<(), Error> {
    cx.change(actor.account_id(), |cx| {
        find(cx, actor, id)?;
        leads::delete(cx.conn, actor.account_id(), id)?;
        Ok(())
    })
}

/// Checks a lead form and works out what to store, including the win's date and credit.
fn data(cx: &mut Cx, actor: &Actor, before: Option<&Lead>, form: &LeadForm) -> Result<LeadData, Error> {
    let calendar = actor.account.calendar();
    let mut errors = FieldErrors::new();
    let title = errors.check("title", words::parse_name(&form.title, "title-required"));
    let status = if form.status.trim().is_empty() {
        Some(LeadStatus::Todo)
    } else {
        errors.check("status", form.status.parse::<LeadStatus>())
    };
    let amount = if form.amount.trim().is_empty() {
        None
    } else {
        errors.check("amount", Amount::parse(form.locale, &form.amount)).map(Some).unwrap_or(None)
    };
    let pipeline = match errors.check("pipeline_id", words::parse_id(&form.pipeline_id, "choose-pipeline")) {
        Some(id) => pipelines::find(cx.conn, actor.account_id(), PipelineId(id))?,
        None => None,
    };
    if pipeline.is_none() && errors.get("pipeline_id").is_none() {
        errors.add("pipeline_id", "choose-account-pipeline");
    }
    let owner = owner(cx, actor, before.map(|b| b.owner_id), &form.owner_id, &mut errors)?;
    let won = status == Some(LeadStatus::Won);
    if won && amount.is_none() && errors.get("amount").is_none() {
        errors.add("amount", "won-lead-needs-amount");
    }
    let was_won = before.filter(|b| b.status == LeadStatus::Won);
    let closed_at: Option<DateTime<Utc>> = if won {
        match (form.closed_at.trim().is_empty(), was_won.and_then(|b| b.closed_at)) {
            _ if form.closed_instant.is_some() => {
                form.closed_instant.and_then(|at| errors.check("closed_at", super::instant(at, cx.now)))
            }
            (true, Some(kept)) => Some(kept.and_utc()),
            _ => errors.check("closed_at", moment(&calendar, &form.closed_at, cx.now)),
        }
    } else {
        None
    };
    let estimated_closing_date = errors
        .check("estimated_closing_date", crate::domain::range::parse_date(&form.estimated_closing_date))
        .flatten();
    let probability = errors.check("probability", words::parse_probability(&form.probability)).flatten();
    errors.clone().into_result()?;
    let (Some(title), Some(status), Some(pipeline), Some(owner)) = (title, status, pipeline, owner) else {
        return Err(errors.into());
    };
    Ok(LeadData {
        pipeline_id: pipeline.id,
        owner_id: owner,
        title,
        amount_cents: amount.map(Amount::cents),
        status,
        closed_at: closed_at.map(|at| at.naive_utc()),
        closed_on: closed_at.map(|at| calendar.local_date(at)),
        // Credited to whoever owned it when it was won, even if the owner changes later.
        won_by_id: won.then(|| was_won.and_then(|b| b.won_by_id).unwrap_or(owner)),
        estimated_closing_date,
        probability,
    })
}
