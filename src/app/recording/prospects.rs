//! Prospects: contacts not yet qualified, in a prospecting list and no pipeline; one can
//! become a lead.

use super::owner;
use crate::app::recording::activities::ActionWithOutcomes;
use crate::app::recording::leads::{Lead, Pipeline};
use crate::app::{Actor, Cx, Error, User, invalid};
use crate::domain::Invalid;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{PipelineId, ProspectId, UserId};
use crate::domain::recording::{self as words, LeadStatus};
use crate::store::activities::{self, ActivityLine};
use crate::store::leads::{self, LeadData};
use crate::store::prospects::{self, ProspectData};
use crate::store::{pipelines, users};

pub use crate::store::prospects::{ProspectLine, ProspectRow as Prospect};

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ProspectForm {
    pub name: String,
    pub list_name: String,
    pub owner_id: String,
}

impl ProspectForm {
    /// The form filled with a prospect's values, for editing.
    pub fn from_prospect(prospect: &Prospect) -> Self {
        Self {
            name: prospect.name.clone(),
            list_name: prospect.list_name.clone().unwrap_or_default(),
            owner_id: prospect.owner_id.to_string(),
        }
    }
}

/// The prospects the actor may see, and the pipelines one can become a lead in.
pub fn list(cx: &mut Cx, actor: &Actor) -> Result<(Vec<ProspectLine>, Vec<Pipeline>), Error> {
    let account = actor.account_id();
    Ok((prospects::list(cx.conn, account, actor.visible_owner())?, pipelines::list(cx.conn, account)?))
}

/// What the prospect form shows: the prospect as stored (when editing one), and the people
/// a manager may give it to.
pub struct FormPage {
    pub stored: Option<Prospect>,
    pub owners: Vec<User>,
}

pub fn form_page(cx: &mut Cx, actor: &Actor, id: Option<ProspectId>) -> Result<FormPage, Error> {
    let stored = id.map(|id| find(cx, actor, id)).transpose()?;
    Ok(FormPage { stored, owners: super::owners(cx, actor)? })
}

/// The prospect, if it is in the account and the actor may see it.
fn find(cx: &mut Cx, actor: &Actor, id: ProspectId) -> Result<Prospect, Error> {
    prospects::find(cx.conn, actor.account_id(), id)?
        .filter(|prospect| actor.may_touch(prospect.owner_id))
        .ok_or(Error::NotFound)
}

pub fn create(cx: &mut Cx, actor: &Actor, form: &ProspectForm) -> Result<Prospect, Error> {
    cx.change(actor.account_id(), |cx| {
        let data = data(cx, actor, None, form)?;
        Ok(prospects::insert(cx.conn, actor.account_id(), &data, cx.now.naive_utc())?)
    })
}

pub fn update(cx: &mut Cx, actor: &Actor, id: ProspectId, form: &ProspectForm) -> Result<(), Error> {
    cx.change(actor.account_id(), |cx| {
        let before = find(cx, actor, id)?;
        let data = data(cx, actor, Some(before.owner_id), form)?;
        prospects::update(cx.conn, actor.account_id(), id, &data)?;
        Ok(())
    })
}

/// Everything a prospect's page shows: the prospect, the activities logged on it (latest
/// first), what may be logged, and the lead it became.
pub struct ProspectPage {
    pub prospect: Prospect,
    pub owner: String,
    pub activities: Vec<ActivityLine>,
    pub actions: Vec<ActionWithOutcomes>,
    pub lead: Option<Lead>,
    pub pipelines: Vec<Pipeline>,
}

pub fn page(cx: &mut Cx, actor: &Actor, id: ProspectId) -> Result<ProspectPage, Error> {
    let account = actor.account_id();
    let prospect = find(cx, actor, id)?;
    let lead = match prospect.lead_id {
        Some(lead) => leads::find(cx.conn, account, lead)?,
        None => None,
    };
    Ok(ProspectPage {
        owner: users::find(cx.conn, prospect.owner_id)?.map(|u| u.name).unwrap_or_default(),
        activities: activities::on_prospect(cx.conn, account, id, super::leads::TIMELINE_LENGTH)?,
        actions: super::activities::loggable(cx, account)?,
        pipelines: pipelines::list(cx.conn, account)?,
        prospect,
        lead,
    })
}

/// What deleting a prospect would take away, said before it is done: its name and how
/// many activities go with it.
pub fn deletion(cx: &mut Cx, actor: &Actor, id: ProspectId) -> Result<(String, i64), Error> {
    let prospect = find(cx, actor, id)?;
    Ok((prospect.name, activities::count_on_prospect(cx.conn, actor.account_id(), id)?))
}

/// Deletes a prospect with the activities logged on it, taking back what they counted.
pub fn delete(cx: &mut Cx, actor: &Actor, id: ProspectId) -> Result<(), Error> {
    cx.change(actor.account_id(), |cx| {
        find(cx, actor, id)?;
        prospects::delete(cx.conn, actor.account_id(), id)?;
        Ok(())
    })
}

/// Turns a prospect into a lead of `pipeline_id`, owned by the prospect's owner. Activities
/// already logged stay on the prospect: they were prospecting.
pub fn convert(cx: &mut Cx, actor: &Actor, id: ProspectId, pipeline_id: &str) -> Result<Lead, Error> {
    cx.change(actor.account_id(), |cx| {
        let account = actor.account_id();
        let prospect = find(cx, actor, id)?;
        if prospect.lead_id.is_some() {
            return Err(invalid("pipeline_id", "prospect-already-lead"));
        }
        let pipeline =
            words::parse_id(pipeline_id, "choose-pipeline").map_err(|Invalid(m)| invalid("pipeline_id", m))?;
        let pipeline = pipelines::find(cx.conn, account, PipelineId(pipeline))?
            .ok_or_else(|| invalid("pipeline_id", "choose-account-pipeline"))?;
        let lead = leads::insert(
            cx.conn,
            account,
            &LeadData {
                pipeline_id: pipeline.id,
                owner_id: prospect.owner_id,
                title: prospect.name.clone(),
                amount_cents: None,
                status: LeadStatus::Todo,
                closed_at: None,
                closed_on: None,
                won_by_id: None,
                estimated_closing_date: None,
                probability: None,
            },
            cx.now.naive_utc(),
        )?;
        super::leads::record_change(cx.conn, &lead, Some(actor.user), cx.now.naive_utc())?;
        prospects::set_lead(cx.conn, account, prospect.id, lead.id)?;
        Ok(lead)
    })
}

fn data(cx: &mut Cx, actor: &Actor, current_owner: Option<UserId>, form: &ProspectForm) -> Result<ProspectData, Error> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", words::parse_name(&form.name, "name-required"));
    let list_name = errors.check("list_name", words::parse_optional_name(&form.list_name));
    let owner = owner(cx, actor, current_owner, &form.owner_id, &mut errors)?;
    errors.clone().into_result()?;
    let (Some(name), Some(list_name), Some(owner_id)) = (name, list_name, owner) else {
        return Err(errors.into());
    };
    Ok(ProspectData { owner_id, name, list_name })
}
