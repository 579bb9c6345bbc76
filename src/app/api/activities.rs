//! Activities over the API: log one or a batch (all or nothing), each maybe named by the
//! sender's own id (`external_id`: sent again, it corrects the same activity instead of
//! adding one), list them page by page, read and delete one. Logging checks what the
//! activity form checks, for the user it is logged for.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::idempotency::{self, Answer, Keyed, Lock};
use super::{Client, Page};
use crate::app::recording::activities::{self as recording, ActivityForm};
use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::api::{self, Scope};
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActionId, ActivityId, LeadId, OutcomeId, ProspectId, UserId};
use crate::domain::period::Calendar;
use crate::store::activities::{self, NewActivity};
use crate::store::external_ids::{self, Kind};
use crate::store::users;

pub use crate::store::activities::{ActivityRow as Activity, Narrowing};

/// The most activities one batch may carry.
pub const BATCH_MAX: usize = 5_000;

/// An activity as sent: ids, an instant (none: now), a note, maybe the sender's own id.
#[derive(Debug, Clone)]
pub struct ActivityInput {
    /// Whose it is (none: the admin the token acts as).
    pub user_id: Option<UserId>,
    /// None: the result's own action.
    pub action_id: Option<ActionId>,
    pub result_id: OutcomeId,
    pub lead_id: Option<LeadId>,
    pub prospect_id: Option<ProspectId>,
    pub occurred_at: Option<DateTime<Utc>>,
    pub note: String,
    pub external_id: Option<String>,
}

/// An activity as answered, with the sender's id for it if any.
#[derive(Debug, Clone)]
pub struct Named {
    pub activity: Activity,
    pub external_id: Option<String>,
}

/// What logging did: logged a new activity, or corrected the one its external id named.
#[derive(Debug, Clone)]
pub struct Logged {
    pub named: Named,
    pub created: bool,
}

/// An activity checked and ready to write.
struct Ready {
    new: NewActivity,
    external_id: Option<String>,
}

/// Logs one activity, once per idempotency key; `answer` words what was done (the kept
/// answer a retry gets).
pub fn create(
    cx: &mut Cx,
    client: &Client,
    input: &ActivityInput,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Logged) -> Answer,
) -> Result<Answer, Error> {
    let actor = client.require(Scope::ActivitiesWrite)?;
    if let Some(kept) = idempotency::kept(cx, actor, keyed)? {
        return Ok(kept);
    }
    let ready = check(cx, actor, input)?;
    let lock = if ready.external_id.is_some() { Lock::Change } else { Lock::Append };
    idempotency::once(cx, actor, keyed, lock, |cx| write(cx, &ready).map(|logged| answer(&logged)))
}

/// Logs up to `BATCH_MAX` activities in one transaction: all, or (any refused) none, with
/// each refused item's errors by its place in the batch.
pub fn batch(
    cx: &mut Cx,
    client: &Client,
    inputs: &[ActivityInput],
    keyed: Option<&Keyed>,
    answer: impl Fn(&[Logged]) -> Answer,
) -> Result<Answer, Error> {
    let actor = client.require(Scope::ActivitiesWrite)?;
    if inputs.is_empty() || inputs.len() > BATCH_MAX {
        return Err(invalid(
            "activities",
            crate::domain::message::Message::new("api-batch-size").arg("max", BATCH_MAX),
        ));
    }
    if let Some(kept) = idempotency::kept(cx, actor, keyed)? {
        return Ok(kept);
    }
    // Checked first without the lock, so that a refused batch makes no writer wait; then
    // again under it, where what the items name is current.
    prepare(cx, actor, inputs)?;
    idempotency::once(cx, actor, keyed, Lock::Bulk, |cx| {
        let ready = prepare(cx, actor, inputs)?;
        let logged = write_all(cx, &ready)?;
        Ok(answer(&logged))
    })
}

/// Every item checked as the form would; items naming the same records are checked
/// against the database once. Any refused: each refused item's errors by its place.
fn prepare(cx: &mut Cx, actor: &Actor, inputs: &[ActivityInput]) -> Result<Vec<Ready>, Error> {
    let mut ready = Vec::with_capacity(inputs.len());
    let mut refused = Vec::new();
    let calendar = actor.account.calendar();
    let mut checked: HashMap<Refs, NewActivity> = HashMap::new();
    for (place, input) in inputs.iter().enumerate() {
        let refs = (input.user_id, input.action_id, input.result_id, input.lead_id, input.prospect_id);
        let item = match checked.get(&refs) {
            Some(first) => restamp(cx, &calendar, first, input),
            None => check(cx, actor, input).inspect(|item| {
                checked.insert(refs, item.new.clone());
            }),
        };
        match item {
            Ok(item) => ready.push(item),
            Err(Error::Invalid(errors)) => refused.push((place, errors)),
            Err(other) => return Err(other),
        }
    }
    if refused.is_empty() { Ok(ready) } else { Err(Error::InvalidItems(refused)) }
}

/// The records an activity names.
type Refs = (Option<UserId>, Option<ActionId>, OutcomeId, Option<LeadId>, Option<ProspectId>);

/// An item naming the same records as one checked before: only its own instant, note and
/// external id are checked.
fn restamp(cx: &Cx, calendar: &Calendar, first: &NewActivity, input: &ActivityInput) -> Result<Ready, Error> {
    let external_id = super::external_id(input.external_id.as_deref())?;
    let new = recording::restamped(cx, calendar, first, input.occurred_at.unwrap_or(cx.now), &input.note)?;
    Ok(Ready { new, external_id })
}

/// Writes a batch in the caller's bulk transaction: the activities without an external id
/// in multi-row statements, counted at once; the others one by one, as `write` does. Every
/// record they name was checked in this transaction (a bulk write on SQLite does not check
/// references again).
fn write_all(cx: &mut Cx, ready: &[Ready]) -> Result<Vec<Logged>, Error> {
    // Written in the order of the largest index (user, moment), as an import is, each
    // answered in its place in the batch.
    let mut plain: Vec<usize> = (0..ready.len()).filter(|&i| ready[i].external_id.is_none()).collect();
    plain.sort_by_key(|&i| (ready[i].new.user, ready[i].new.occurred_at));
    let mut logged: Vec<Option<Logged>> = vec![None; ready.len()];
    if let Some(&first) = plain.first() {
        let account = ready[first].new.account;
        let before = activities::last_id(cx.conn)?;
        let new: Vec<NewActivity> = plain.iter().map(|&i| ready[i].new.clone()).collect();
        let keys = activities::insert_many(cx.conn, &new).map_err(|error| match error {
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                invalid("lead_id", "choose-own-subject")
            }
            other => other.into(),
        })?;
        let counts: Vec<_> = keys.into_iter().map(|key| (key, 1)).collect();
        crate::store::buckets::add_activities(cx.conn, &counts)?;
        let rows = activities::page_after(cx.conn, account, &Narrowing::default(), before, i64::MAX)?;
        if rows.len() != plain.len() {
            return Err(Error::Internal(anyhow::anyhow!("a batch read back {} rows of {}", rows.len(), plain.len())));
        }
        for (&place, activity) in plain.iter().zip(rows) {
            logged[place] = Some(Logged { named: Named { activity, external_id: None }, created: true });
        }
    }
    ready
        .iter()
        .zip(logged)
        .map(|(item, logged)| match logged {
            Some(logged) => Ok(logged),
            None => write(cx, item),
        })
        .collect()
}

/// Checks an activity as the form would for its user, with the API's field names.
fn check(cx: &mut Cx, actor: &Actor, input: &ActivityInput) -> Result<Ready, Error> {
    let mut errors = FieldErrors::new();
    let external_id = match &input.external_id {
        Some(sent) => errors.check("external_id", api::external_id(sent)),
        None => None,
    };
    let subject = match (input.lead_id, input.prospect_id) {
        (Some(lead), None) => format!("lead:{lead}"),
        (None, Some(prospect)) => format!("prospect:{prospect}"),
        (Some(_), Some(_)) => {
            errors.add("lead_id", "api-one-subject");
            String::new()
        }
        (None, None) => String::new(),
    };
    let owner = owner(cx, actor, input.user_id)?;
    if owner.is_none() {
        errors.add("user_id", "api-user-unknown");
    }
    let form = ActivityForm {
        action_id: input.action_id.map(|id| id.to_string()).unwrap_or_default(),
        outcome_id: input.result_id.to_string(),
        subject,
        note: input.note.clone(),
        at: Some(input.occurred_at.unwrap_or(cx.now)),
        ..ActivityForm::default()
    };
    let checked = match &owner {
        Some(owner) => match recording::checked(cx, owner, &form) {
            Ok(new) => Some(new),
            Err(Error::Invalid(refused)) => {
                let subject_field = if input.prospect_id.is_some() { "prospect_id" } else { "lead_id" };
                for (field, message) in refused.iter() {
                    let field = match field {
                        "outcome_id" => "result_id",
                        "subject" => subject_field,
                        other => other,
                    };
                    if errors.get(field).is_none() {
                        errors.add(field, message.clone());
                    }
                }
                None
            }
            Err(other) => return Err(other),
        },
        None => None,
    };
    errors.into_result()?;
    let new = checked.ok_or_else(|| invalid("result_id", "choose-action-result"))?;
    Ok(Ready { new, external_id })
}

/// The user an activity is logged for, as an actor: an active user of the account (none
/// sent: the token's own). None when there is no such user.
fn owner(cx: &mut Cx, actor: &Actor, user: Option<UserId>) -> Result<Option<Actor>, Error> {
    let Some(id) = user else { return Ok(Some(actor.clone())) };
    let found = users::find(cx.conn, id)?.filter(|u| u.account_id == actor.account_id() && u.active);
    Ok(found.map(|u| Actor { user: u.id, role: u.role, account: Arc::clone(&actor.account) }))
}

/// Writes a checked activity in the caller's transaction: in place of the one its external
/// id names if that one is still there, else as a new one.
fn write(cx: &mut Cx, ready: &Ready) -> Result<Logged, Error> {
    let account = ready.new.account;
    let Some(external_id) = &ready.external_id else {
        let activity = recording::insert(cx, &ready.new)?;
        return Ok(Logged { named: Named { activity, external_id: None }, created: true });
    };
    let named = external_ids::record(cx.conn, account, Kind::Activity, external_id)?;
    let replaced = match named {
        Some(id) => activities::replace(cx.conn, ActivityId(id), &ready.new)?,
        None => None,
    };
    let created = replaced.is_none();
    let activity = match replaced {
        Some(activity) => activity,
        None => recording::insert(cx, &ready.new)?,
    };
    external_ids::set(cx.conn, account, Kind::Activity, external_id, activity.id.0)?;
    Ok(Logged { named: Named { activity, external_id: Some(external_id.clone()) }, created })
}

/// The account's activities after the cursor, narrowed, in id order.
pub fn list(
    cx: &mut Cx,
    client: &Client,
    narrowing: &Narrowing,
    cursor: Option<&str>,
    limit: Option<i64>,
) -> Result<Page<Named>, Error> {
    let actor = client.require_any(&[Scope::ActivitiesWrite, Scope::ResultsRead])?;
    let (after, limit) = (super::after(cursor)?, super::limit(limit)?);
    let rows = activities::page_after(cx.conn, actor.account_id(), narrowing, after, limit + 1)?;
    let page = Page::of(rows, limit, |a| a.id.0);
    let ids: Vec<i64> = page.items.iter().map(|a| a.id.0).collect();
    let mut external = super::externals(cx, actor, Kind::Activity, &ids)?;
    Ok(page.map(|activity| {
        let external_id = external.remove(&activity.id.0);
        Named { activity, external_id }
    }))
}

pub fn find(cx: &mut Cx, client: &Client, id: ActivityId) -> Result<Named, Error> {
    let actor = client.require_any(&[Scope::ActivitiesWrite, Scope::ResultsRead])?;
    let activity = activities::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    let external_id = super::external_of(cx, actor, Kind::Activity, id.0)?;
    Ok(Named { activity, external_id })
}

/// Deletes an activity as the page would (it can be put back there for a while), and
/// forgets its external id.
pub fn delete(cx: &mut Cx, client: &Client, id: ActivityId) -> Result<(), Error> {
    let actor = client.require(Scope::ActivitiesWrite)?;
    cx.change(actor.account_id(), |cx| {
        recording::delete(cx, actor, id)?;
        external_ids::forget_record(cx.conn, actor.account_id(), Kind::Activity, id.0)?;
        Ok(())
    })
}
