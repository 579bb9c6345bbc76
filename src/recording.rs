//! Recording work: activities, leads, prospects, pipelines, actions and outcomes. Each
//! operation checks what it is given against the account, then writes in one transaction
//! together with the period buckets, so totals are exact whatever happens.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::DatabaseErrorKind;

use crate::change::{ChangeError, invalid};
use crate::db::AnyConnection;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActionId, ActivityId, LeadId, OutcomeId, PipelineId, ProspectId, UserId};
use crate::domain::message::Message;
use crate::domain::money::Amount;
use crate::domain::period::Calendar;
use crate::domain::recording::{self as words, LeadStatus};
use crate::store::accounts::{self, AccountRow};
use crate::store::activities::{self, ActivityRow, NewActivity, Subject};
use crate::store::leads::{self, LeadData, LeadRow};
use crate::store::prospects::{self, ProspectData, ProspectRow};
use crate::store::users::{self, UserRow};
use crate::store::{actions, is_unique_violation, pipelines};

/// What a form saved over someone else's newer save is told.
pub const CHANGED_MEANWHILE: &str = "changed-meanwhile";

/// Whose records someone may read: everybody's for managers and admins, else their own.
pub fn visible_owner(user: &UserRow) -> Option<UserId> {
    (!user.role().manages()).then_some(user.id)
}

fn may_touch(actor: &UserRow, owner: UserId) -> bool {
    actor.role().manages() || actor.id == owner
}

/// The instant a person typed in the account's zone, or now when they left it empty.
fn moment(calendar: &Calendar, raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, Invalid> {
    if raw.trim().is_empty() {
        return Ok(now);
    }
    let local = words::parse_local_moment(raw)?;
    Ok(calendar.local_to_utc(local)?)
}

// ---------------------------------------------------------------- activities

/// The activity form, as typed. `subject` is `lead:ID` or `prospect:ID`; an empty
/// `occurred_at` means now.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    pub action_id: String,
    pub outcome_id: String,
    pub subject: String,
    pub occurred_at: String,
    pub note: String,
}

/// A subject reference as the form encodes it.
pub fn parse_subject(raw: &str) -> Result<(words::SubjectKind, i64), Invalid> {
    let (kind, id) = raw.trim().split_once(':').ok_or_else(|| Invalid::new("choose-subject"))?;
    Ok((kind.parse()?, words::parse_id(id, "choose-subject")?))
}

pub fn log_activity(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    form: &ActivityForm,
    now: DateTime<Utc>,
) -> Result<ActivityRow, ChangeError> {
    let calendar = account.calendar();
    let mut errors = FieldErrors::new();
    let action = errors.check("action_id", words::parse_id(&form.action_id, "choose-action"));
    let outcome = errors.check("outcome_id", words::parse_id(&form.outcome_id, "choose-result"));
    let subject = errors.check("subject", parse_subject(&form.subject));
    let occurred_at = errors.check("occurred_at", moment(&calendar, &form.occurred_at, now));
    let note = errors.check("note", words::parse_note(&form.note));
    // The checks only read: they run before the write lock is taken, so that reps logging at
    // once queue for the insert alone. A subject deleted in between fails the insert's
    // foreign key, and is answered like an unknown one.
    let new = {
        let action = match action {
            Some(id) => actions::find_action(conn, account.id, ActionId(id))?.filter(|a| a.active),
            None => None,
        };
        if action.is_none() && errors.get("action_id").is_none() {
            errors.add("action_id", "choose-account-action");
        }
        let outcome = match outcome {
            Some(id) => actions::find_outcome(conn, account.id, OutcomeId(id))?.filter(|o| o.active),
            None => None,
        };
        match (&action, &outcome) {
            (Some(action), Some(outcome)) if outcome.action_id != action.id => {
                errors.add("outcome_id", Message::new("result-of-other-action").arg("action", &action.name));
            }
            (_, None) if errors.get("outcome_id").is_none() => {
                errors.add("outcome_id", "choose-action-result");
            }
            _ => {}
        }
        let subject = match subject {
            Some((kind, id)) => resolve_subject(conn, account, actor, kind, id)?,
            None => None,
        };
        if subject.is_none() && errors.get("subject").is_none() {
            errors.add("subject", "choose-own-subject");
        }
        let (Some(action), Some(outcome), Some(subject), Some(occurred_at), Some(note)) =
            (action, outcome, subject, occurred_at, note.clone())
        else {
            return Err(ChangeError::Invalid(errors.clone()));
        };
        errors.clone().into_result()?;
        NewActivity {
            account: account.id,
            user: actor.id,
            action: action.id,
            outcome: outcome.id,
            subject,
            occurred_at: occurred_at.naive_utc(),
            occurred_on: calendar.local_date(occurred_at),
            note,
            created_at: now.naive_utc(),
        }
    };
    accounts::append(conn, account.id, |conn| {
        activities::insert(conn, &new).map_err(|error| match error {
            diesel::result::Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                crate::change::invalid("subject", "choose-own-subject")
            }
            other => other.into(),
        })
    })
}

/// The lead (with its pipeline now) or prospect, if the actor may log on it.
fn resolve_subject(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    kind: words::SubjectKind,
    id: i64,
) -> Result<Option<Subject>, ChangeError> {
    Ok(match kind {
        words::SubjectKind::Lead => leads::find(conn, account.id, LeadId(id))?
            .filter(|lead| may_touch(actor, lead.owner_id))
            .map(|lead| Subject::Lead { lead: lead.id, pipeline: lead.pipeline_id }),
        words::SubjectKind::Prospect => prospects::find(conn, account.id, ProspectId(id))?
            .filter(|prospect| may_touch(actor, prospect.owner_id))
            .map(|prospect| Subject::Prospect(prospect.id)),
    })
}

/// Deletes an activity: the actor's own, or any for a manager.
pub fn delete_activity(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: ActivityId,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let activity = activities::find(conn, account.id, id)?.ok_or(ChangeError::NotFound)?;
        if !may_touch(actor, activity.user_id) {
            return Err(ChangeError::NotFound);
        }
        activities::delete(conn, account.id, id)?;
        Ok(())
    })
}

// ---------------------------------------------------------------- leads

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
    /// The version of the lead the form showed; a save over a newer version is refused.
    /// Empty: whatever the lead is now (a script that does not read first).
    pub version: String,
    /// How the person writes numbers; set from their language, never from the request body.
    #[serde(skip)]
    pub locale: Locale,
}

impl LeadForm {
    /// The form filled with a lead's values, for editing.
    pub fn from_lead(lead: &LeadRow, calendar: &Calendar, locale: Locale) -> Self {
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
            version: lead.version.to_string(),
            locale,
        }
    }
}

pub fn create_lead(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    form: &LeadForm,
    now: DateTime<Utc>,
) -> Result<LeadRow, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let data = lead_data(conn, account, actor, None, form, now)?;
        Ok(leads::insert(conn, account.id, &data, now.naive_utc())?)
    })
}

pub fn update_lead(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: LeadId,
    form: &LeadForm,
    now: DateTime<Utc>,
) -> Result<LeadRow, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let before = visible_lead(conn, account, actor, id)?;
        if !form.version.trim().is_empty() && form.version.trim() != before.version.to_string() {
            return Err(invalid(FieldErrors::FORM, CHANGED_MEANWHILE));
        }
        let data = lead_data(conn, account, actor, Some(&before), form, now)?;
        leads::update(conn, account.id, id, &data)?.ok_or(ChangeError::NotFound)
    })
}

pub fn delete_lead(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: LeadId,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        visible_lead(conn, account, actor, id)?;
        leads::delete(conn, account.id, id)?;
        Ok(())
    })
}

/// The lead, if it is in the account and the actor may see it.
pub fn visible_lead(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: LeadId,
) -> Result<LeadRow, ChangeError> {
    leads::find(conn, account.id, id)?.filter(|lead| may_touch(actor, lead.owner_id)).ok_or(ChangeError::NotFound)
}

/// Checks a lead form and works out what to store, including the win's date and credit.
fn lead_data(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    before: Option<&LeadRow>,
    form: &LeadForm,
    now: DateTime<Utc>,
) -> Result<LeadData, ChangeError> {
    let calendar = account.calendar();
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
        Some(id) => pipelines::find(conn, account.id, PipelineId(id))?,
        None => None,
    };
    if pipeline.is_none() && errors.get("pipeline_id").is_none() {
        errors.add("pipeline_id", "choose-account-pipeline");
    }
    let owner = lead_owner(conn, account, actor, before.map(|b| b.owner_id), &form.owner_id, &mut errors)?;
    let won = status == Some(LeadStatus::Won);
    if won && amount.is_none() && errors.get("amount").is_none() {
        errors.add("amount", "won-lead-needs-amount");
    }
    let was_won = before.filter(|b| b.status() == LeadStatus::Won);
    let closed_at = if won {
        match (form.closed_at.trim().is_empty(), was_won.and_then(|b| b.closed_at)) {
            (true, Some(kept)) => Some(kept.and_utc()),
            _ => errors.check("closed_at", moment(&calendar, &form.closed_at, now)),
        }
    } else {
        None
    };
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
    })
}

/// The owner a lead or prospect form asks for: managers choose any active user of the
/// account; a rep's records stay theirs.
fn lead_owner(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    current: Option<UserId>,
    raw: &str,
    errors: &mut FieldErrors,
) -> Result<Option<UserId>, ChangeError> {
    if !actor.role().manages() || raw.trim().is_empty() {
        return Ok(Some(current.unwrap_or(actor.id)));
    }
    let Some(id) = errors.check("owner_id", words::parse_id(raw, "choose-owner")) else { return Ok(None) };
    let owner = users::find(conn, UserId(id))?.filter(|u| u.account_id == account.id && u.active);
    if owner.is_none() {
        errors.add("owner_id", "choose-active-user");
    }
    Ok(owner.map(|u| u.id))
}

// ---------------------------------------------------------------- prospects

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ProspectForm {
    pub name: String,
    pub list_name: String,
    pub owner_id: String,
}

fn prospect_data(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    current_owner: Option<UserId>,
    form: &ProspectForm,
) -> Result<ProspectData, ChangeError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", words::parse_name(&form.name, "name-required"));
    let list_name = errors.check("list_name", words::parse_optional_name(&form.list_name));
    let owner = lead_owner(conn, account, actor, current_owner, &form.owner_id, &mut errors)?;
    errors.clone().into_result()?;
    let (Some(name), Some(list_name), Some(owner_id)) = (name, list_name, owner) else {
        return Err(errors.into());
    };
    Ok(ProspectData { owner_id, name, list_name })
}

pub fn create_prospect(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    form: &ProspectForm,
    now: DateTime<Utc>,
) -> Result<ProspectRow, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let data = prospect_data(conn, account, actor, None, form)?;
        Ok(prospects::insert(conn, account.id, &data, now.naive_utc())?)
    })
}

pub fn update_prospect(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: ProspectId,
    form: &ProspectForm,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let before = visible_prospect(conn, account, actor, id)?;
        let data = prospect_data(conn, account, actor, Some(before.owner_id), form)?;
        prospects::update(conn, account.id, id, &data)?;
        Ok(())
    })
}

pub fn delete_prospect(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: ProspectId,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        visible_prospect(conn, account, actor, id)?;
        prospects::delete(conn, account.id, id)?;
        Ok(())
    })
}

/// Turns a prospect into a lead of `pipeline_id`, owned by the prospect's owner. Activities
/// already logged stay on the prospect: they were prospecting.
pub fn convert_prospect(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: ProspectId,
    pipeline_id: &str,
    now: DateTime<Utc>,
) -> Result<LeadRow, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let prospect = visible_prospect(conn, account, actor, id)?;
        if prospect.lead_id.is_some() {
            return Err(invalid("pipeline_id", "prospect-already-lead"));
        }
        let pipeline =
            words::parse_id(pipeline_id, "choose-pipeline").map_err(|Invalid(m)| invalid("pipeline_id", m))?;
        let pipeline = pipelines::find(conn, account.id, PipelineId(pipeline))?
            .ok_or_else(|| invalid("pipeline_id", "choose-account-pipeline"))?;
        let lead = leads::insert(
            conn,
            account.id,
            &LeadData {
                pipeline_id: pipeline.id,
                owner_id: prospect.owner_id,
                title: prospect.name.clone(),
                amount_cents: None,
                status: LeadStatus::Todo,
                closed_at: None,
                closed_on: None,
                won_by_id: None,
            },
            now.naive_utc(),
        )?;
        prospects::set_lead(conn, account.id, prospect.id, lead.id)?;
        Ok(lead)
    })
}

pub fn visible_prospect(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: ProspectId,
) -> Result<ProspectRow, ChangeError> {
    prospects::find(conn, account.id, id)?
        .filter(|prospect| may_touch(actor, prospect.owner_id))
        .ok_or(ChangeError::NotFound)
}

// ---------------------------------------------------------------- pipelines

pub fn create_pipeline(
    conn: &mut AnyConnection,
    account: &AccountRow,
    name: &str,
    now: NaiveDateTime,
) -> Result<(), ChangeError> {
    let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
    accounts::change(conn, account.id, |conn| {
        if pipelines::find_by_name(conn, account.id, &name)?.is_some() {
            return Err(duplicate_pipeline(&name));
        }
        pipelines::insert(conn, account.id, &name, now).map_err(|e| unique_or(e, || duplicate_pipeline(&name)))?;
        Ok(())
    })
}

pub fn rename_pipeline(
    conn: &mut AnyConnection,
    account: &AccountRow,
    id: PipelineId,
    name: &str,
) -> Result<(), ChangeError> {
    let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
    accounts::change(conn, account.id, |conn| {
        pipelines::find(conn, account.id, id)?.ok_or(ChangeError::NotFound)?;
        if pipelines::find_by_name(conn, account.id, &name)?.is_some_and(|other| other.id != id) {
            return Err(duplicate_pipeline(&name));
        }
        pipelines::rename(conn, account.id, id, &name).map_err(|e| unique_or(e, || duplicate_pipeline(&name)))?;
        Ok(())
    })
}

fn duplicate_pipeline(name: &str) -> ChangeError {
    invalid("name", Message::new("pipeline-name-taken").arg("name", name))
}

fn unique_or(error: diesel::result::Error, duplicate: impl FnOnce() -> ChangeError) -> ChangeError {
    if is_unique_violation(&error) { duplicate() } else { error.into() }
}

// ---------------------------------------------------------------- actions and outcomes

/// A change to the list of actions and outcomes.
#[derive(Debug, Clone)]
pub enum ActionChange {
    AddAction { name: String },
    RenameAction { id: ActionId, name: String },
    MoveAction { id: ActionId, step: i32 },
    SetActionActive { id: ActionId, active: bool },
    DeleteAction { id: ActionId },
    AddOutcome { action: ActionId, name: String },
    RenameOutcome { id: OutcomeId, name: String },
    MoveOutcome { id: OutcomeId, step: i32 },
    SetOutcomeActive { id: OutcomeId, active: bool },
    DeleteOutcome { id: OutcomeId },
}

pub fn change_actions(
    conn: &mut AnyConnection,
    account: &AccountRow,
    change: &ActionChange,
) -> Result<(), ChangeError> {
    let account = account.id;
    let name_of = |raw: &str| words::parse_name(raw, "name-required").map_err(|Invalid(m)| invalid("name", m));
    accounts::change(conn, account, |conn| {
        match change {
            ActionChange::AddAction { name } => {
                let name = name_of(name)?;
                if actions::find_action_by_name(conn, account, &name)?.is_some() {
                    return Err(invalid("name", Message::new("action-name-taken").arg("name", &name)));
                }
                actions::insert_action(conn, account, &name)?;
            }
            ActionChange::RenameAction { id, name } => {
                let name = name_of(name)?;
                actions::find_action(conn, account, *id)?.ok_or(ChangeError::NotFound)?;
                if actions::find_action_by_name(conn, account, &name)?.is_some_and(|other| other.id != *id) {
                    return Err(invalid("name", Message::new("action-name-taken").arg("name", &name)));
                }
                actions::rename_action(conn, account, *id, &name)?;
            }
            ActionChange::MoveAction { id, step } => {
                actions::find_action(conn, account, *id)?.ok_or(ChangeError::NotFound)?;
                actions::move_action(conn, account, *id, *step)?;
            }
            ActionChange::SetActionActive { id, active } => {
                require(actions::set_action_active(conn, account, *id, *active)?)?;
            }
            ActionChange::DeleteAction { id } => {
                actions::find_action(conn, account, *id)?.ok_or(ChangeError::NotFound)?;
                if actions::action_used(conn, *id)? {
                    return Err(invalid("name", "action-in-use"));
                }
                actions::delete_action(conn, account, *id)?;
            }
            ActionChange::AddOutcome { action, name } => {
                let name = name_of(name)?;
                actions::find_action(conn, account, *action)?.ok_or(ChangeError::NotFound)?;
                if actions::find_outcome_by_name(conn, *action, &name)?.is_some() {
                    return Err(invalid("name", Message::new("result-name-taken").arg("name", &name)));
                }
                actions::insert_outcome(conn, account, *action, &name)?;
            }
            ActionChange::RenameOutcome { id, name } => {
                let name = name_of(name)?;
                let outcome = actions::find_outcome(conn, account, *id)?.ok_or(ChangeError::NotFound)?;
                if actions::find_outcome_by_name(conn, outcome.action_id, &name)?.is_some_and(|other| other.id != *id) {
                    return Err(invalid("name", Message::new("result-name-taken").arg("name", &name)));
                }
                actions::rename_outcome(conn, account, *id, &name)?;
            }
            ActionChange::MoveOutcome { id, step } => {
                actions::find_outcome(conn, account, *id)?.ok_or(ChangeError::NotFound)?;
                actions::move_outcome(conn, account, *id, *step)?;
            }
            ActionChange::SetOutcomeActive { id, active } => {
                require(actions::set_outcome_active(conn, account, *id, *active)?)?;
            }
            ActionChange::DeleteOutcome { id } => {
                actions::find_outcome(conn, account, *id)?.ok_or(ChangeError::NotFound)?;
                if actions::outcome_used(conn, *id)? {
                    return Err(invalid("name", "result-in-use"));
                }
                actions::delete_outcome(conn, account, *id)?;
            }
        }
        Ok(())
    })
}

/// An update that touched no row touched nothing of this account.
fn require(rows: usize) -> Result<(), ChangeError> {
    if rows == 0 { Err(ChangeError::NotFound) } else { Ok(()) }
}
