//! Activities: one action a user did on a lead or a prospect, at a moment, with a result.
//! Logging one only adds records (`Cx::append`): reps logging at once do not wait for one
//! another.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::moment;
use crate::app::{Actor, Cx, Error, User, invalid};
use crate::domain::Invalid;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{AccountId, ActionId, ActivityId, LeadId, OutcomeId, ProspectId, UserId};
use crate::domain::message::Message;
use crate::domain::recording::{self as words, LeadStatus, SubjectKind};
use crate::store::activities::{self, NewActivity, Subject};
use crate::store::deleted_activities::{self, DeletedActivity};
use crate::store::{actions, leads, prospects, users};

pub use crate::store::actions::ActionWithOutcomes;
pub use crate::store::activities::{ActivityLine, ActivityRow as Activity};

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
    /// What the subject list was searched for; not saved.
    pub subject_q: String,
    /// The moment as an instant, from a front that has one (the API): `occurred_at` is
    /// then not read.
    #[serde(skip)]
    pub at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A subject reference as the form encodes it.
pub fn parse_subject(raw: &str) -> Result<(SubjectKind, i64), Invalid> {
    let (kind, id) = raw.trim().split_once(':').ok_or_else(|| Invalid::new("choose-subject"))?;
    Ok((kind.parse()?, words::parse_id(id, "choose-subject")?))
}

/// One choice of the subject list: `lead:ID` or `prospect:ID`, its kind and its name.
pub struct SubjectChoice {
    pub value: String,
    pub kind: SubjectKind,
    pub name: String,
    /// A lead's status.
    pub status: Option<LeadStatus>,
}

/// The leads and prospects one may log on, in the order people look for them: open leads,
/// then prospects, then closed leads.
#[derive(Default)]
pub struct Subjects {
    pub open_leads: Vec<SubjectChoice>,
    pub prospects: Vec<SubjectChoice>,
    pub closed_leads: Vec<SubjectChoice>,
}

impl Subjects {
    pub fn is_empty(&self) -> bool {
        self.open_leads.is_empty() && self.prospects.is_empty() && self.closed_leads.is_empty()
    }
}

/// What the form offers: the active actions with their results, and the leads and
/// prospects the actor may log on.
pub struct Choices {
    pub actions: Vec<ActionWithOutcomes>,
    pub subjects: Subjects,
}

/// The actions one may log now, each with its results that are still in use.
pub fn loggable(cx: &mut Cx, account: AccountId) -> Result<Vec<ActionWithOutcomes>, Error> {
    let mut actions: Vec<ActionWithOutcomes> =
        actions::list(cx.conn, account)?.into_iter().filter(|a| a.action.active).collect();
    for action in &mut actions {
        action.outcomes.retain(|o| o.active);
    }
    Ok(actions)
}

pub fn choices(cx: &mut Cx, actor: &Actor, search: &str, chosen: &str) -> Result<Choices, Error> {
    Ok(Choices { actions: loggable(cx, actor.account_id())?, subjects: subjects(cx, actor, search, chosen)? })
}

/// The subjects whose name holds `search` (any case; all when empty), and the one chosen
/// so far whatever its name, so that a search never loses a choice.
pub fn subjects(cx: &mut Cx, actor: &Actor, search: &str, chosen: &str) -> Result<Subjects, Error> {
    let (account, owner) = (actor.account_id(), actor.visible_owner());
    let needle = search.trim().to_lowercase();
    let wanted = |value: &str, name: &str| value == chosen.trim() || name.to_lowercase().contains(&needle);
    let mut subjects = Subjects::default();
    for line in leads::list(cx.conn, account, owner)? {
        let value = format!("lead:{}", line.lead.id);
        if !wanted(&value, &line.lead.title) {
            continue;
        }
        let status = line.lead.status;
        let choice = SubjectChoice { value, kind: SubjectKind::Lead, name: line.lead.title, status: Some(status) };
        match status {
            LeadStatus::Todo | LeadStatus::Standby => subjects.open_leads.push(choice),
            _ => subjects.closed_leads.push(choice),
        }
    }
    for line in prospects::list(cx.conn, account, owner)? {
        let value = format!("prospect:{}", line.prospect.id);
        if wanted(&value, &line.prospect.name) {
            let name = line.prospect.name;
            subjects.prospects.push(SubjectChoice { value, kind: SubjectKind::Prospect, name, status: None });
        }
    }
    Ok(subjects)
}

/// A page of activities, latest first.
pub struct Listing {
    pub lines: Vec<ActivityLine>,
    pub has_next: bool,
    /// The user filtered on (always the actor for a rep).
    pub user: Option<UserId>,
    /// The people a manager can filter by (none for a rep).
    pub users: Vec<User>,
}

/// The actor's activities, or (a manager) anyone's: a rep asking for a colleague's
/// learns nothing, not even that the colleague exists.
pub fn list(cx: &mut Cx, actor: &Actor, user: Option<UserId>, page: i64, page_size: i64) -> Result<Listing, Error> {
    let account = actor.account_id();
    let (filter, users) = if actor.manages() {
        let users = users::list(cx.conn, account)?;
        if user.is_some_and(|u| !users.iter().any(|p| p.id == u)) {
            return Err(Error::NotFound);
        }
        (user, users)
    } else {
        if user.is_some_and(|u| u != actor.user) {
            return Err(Error::NotFound);
        }
        (Some(actor.user), Vec::new())
    };
    let mut lines = activities::list(cx.conn, account, filter, page_size + 1, (page - 1) * page_size)?;
    let has_next = lines.len() as i64 > page_size;
    lines.truncate(usize::try_from(page_size).unwrap_or(usize::MAX));
    Ok(Listing { lines, has_next, user: filter.filter(|_| actor.manages()), users })
}

pub fn log(cx: &mut Cx, actor: &Actor, form: &ActivityForm) -> Result<Activity, Error> {
    let new = checked(cx, actor, form)?;
    cx.append(new.account, |cx| insert(cx, &new))
}

/// Inserts a checked activity, in the caller's write transaction. A subject deleted since
/// the check fails the insert's foreign key, and is answered like an unknown one.
pub(crate) fn insert(cx: &mut Cx, new: &NewActivity) -> Result<Activity, Error> {
    activities::insert(cx.conn, new).map_err(|error| match error {
        DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
            invalid("subject", "choose-own-subject")
        }
        other => other.into(),
    })
}

/// The activity `form` asks `actor` to log, checked, ready to insert. The checks only read:
/// they run before the write lock is taken, so that reps logging at once queue for the
/// insert alone.
pub(crate) fn checked(cx: &mut Cx, actor: &Actor, form: &ActivityForm) -> Result<NewActivity, Error> {
    let account = actor.account_id();
    let calendar = actor.account.calendar();
    let mut errors = FieldErrors::new();
    // One select of results grouped by action sends no action: it follows from the result.
    let action_follows = form.action_id.trim().is_empty() && !form.outcome_id.trim().is_empty();
    let action = if action_follows {
        None
    } else {
        errors.check("action_id", words::parse_id(&form.action_id, "choose-action"))
    };
    let outcome = errors.check("outcome_id", words::parse_id(&form.outcome_id, "choose-result"));
    let subject = errors.check("subject", parse_subject(&form.subject));
    let occurred_at = match form.at {
        Some(at) => errors.check("occurred_at", super::instant(at, cx.now)),
        None => errors.check("occurred_at", moment(&calendar, &form.occurred_at, cx.now)),
    };
    let note = errors.check("note", words::parse_note(&form.note));
    let outcome = match outcome {
        Some(id) => actions::find_outcome(cx.conn, account, OutcomeId(id))?.filter(|o| o.active),
        None => None,
    };
    let action = match (action, &outcome) {
        (Some(id), _) => Some(ActionId(id)),
        (None, Some(outcome)) if action_follows => Some(outcome.action_id),
        _ => None,
    };
    let action = match action {
        Some(id) => actions::find_action(cx.conn, account, id)?.filter(|a| a.active),
        None => None,
    };
    if action.is_none() && errors.get("action_id").is_none() && !(action_follows && outcome.is_none()) {
        errors.add("action_id", "choose-account-action");
    }
    match (&action, &outcome) {
        (Some(action), Some(outcome)) if outcome.action_id != action.id => {
            errors.add("outcome_id", Message::new("result-of-other-action").arg("action", &action.name));
        }
        (_, None) if errors.get("outcome_id").is_none() => errors.add("outcome_id", "choose-action-result"),
        _ => {}
    }
    let subject = match subject {
        Some((kind, id)) => resolve_subject(cx, actor, kind, id)?,
        None => None,
    };
    if subject.is_none() && errors.get("subject").is_none() {
        errors.add("subject", "choose-own-subject");
    }
    let (Some(action), Some(outcome), Some(subject), Some(occurred_at), Some(note)) =
        (action, outcome, subject, occurred_at, note)
    else {
        return Err(Error::Invalid(errors));
    };
    errors.into_result()?;
    Ok(NewActivity {
        account,
        user: actor.user,
        action: action.id,
        outcome: outcome.id,
        subject,
        occurred_at: occurred_at.naive_utc(),
        occurred_on: calendar.local_date(occurred_at),
        note,
        created_at: cx.now.naive_utc(),
    })
}

/// `checked` of another activity naming the same records (user, action, result, subject):
/// the same activity at the instant `at`, with `note`. Only those two are checked again.
pub(crate) fn restamped(
    cx: &Cx,
    calendar: &crate::domain::period::Calendar,
    checked: &NewActivity,
    at: chrono::DateTime<chrono::Utc>,
    note: &str,
) -> Result<NewActivity, Error> {
    let mut errors = FieldErrors::new();
    let occurred_at = errors.check("occurred_at", super::instant(at, cx.now));
    let note = errors.check("note", words::parse_note(note));
    errors.clone().into_result()?;
    let (Some(occurred_at), Some(note)) = (occurred_at, note) else { return Err(Error::Invalid(errors)) };
    Ok(NewActivity {
        occurred_at: occurred_at.naive_utc(),
        occurred_on: calendar.local_date(occurred_at),
        note,
        ..checked.clone()
    })
}

/// The lead (with its pipeline now) or prospect, if the actor may log on it.
fn resolve_subject(cx: &mut Cx, actor: &Actor, kind: SubjectKind, id: i64) -> Result<Option<Subject>, Error> {
    let account = actor.account_id();
    Ok(match kind {
        SubjectKind::Lead => leads::find(cx.conn, account, LeadId(id))?
            .filter(|lead| actor.may_touch(lead.owner_id))
            .map(|lead| Subject::Lead { lead: lead.id, pipeline: lead.pipeline_id }),
        SubjectKind::Prospect => prospects::find(cx.conn, account, ProspectId(id))?
            .filter(|prospect| actor.may_touch(prospect.owner_id))
            .map(|prospect| Subject::Prospect(prospect.id)),
    })
}

/// What the confirmation before deleting an activity names: the activity as listed.
pub fn deletion(cx: &mut Cx, actor: &Actor, id: ActivityId) -> Result<ActivityLine, Error> {
    let line = activities::line(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    if !actor.may_touch(line.activity.user_id) {
        return Err(Error::NotFound);
    }
    Ok(line)
}

/// Deletes an activity: the actor's own, or any for a manager. A second delete of the
/// same activity finds nothing: 404, and nothing taken off twice. A copy is kept for
/// `undo_window`, so that the deletion can be undone.
pub fn delete(cx: &mut Cx, actor: &Actor, id: ActivityId) -> Result<(), Error> {
    cx.change(actor.account_id(), |cx| {
        let activity = activities::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
        if !actor.may_touch(activity.user_id) {
            return Err(Error::NotFound);
        }
        activities::delete(cx.conn, actor.account_id(), id)?;
        let now = cx.now.naive_utc();
        deleted_activities::keep(cx.conn, &activity, actor.user, now, now - words::undo_window())?;
        Ok(())
    })
}

/// The deleted activity the actor may still put back, if any.
pub fn undoable(cx: &mut Cx, actor: &Actor, id: ActivityId) -> Result<Option<DeletedActivity>, Error> {
    let kept = deleted_activities::find(cx.conn, actor.account_id(), id)?;
    Ok(kept
        .filter(|kept| actor.may_touch(kept.user_id) && cx.now.naive_utc() - kept.deleted_at <= words::undo_window()))
}

/// Puts a deleted activity back, counted on its local day in the account's zone as it is
/// now. Refused with a message when the window has passed or what it was done on is gone;
/// one never deleted, already put back or forgotten, or not the actor's, is not found.
pub fn restore(cx: &mut Cx, actor: &Actor, id: ActivityId) -> Result<Activity, Error> {
    cx.change(actor.account_id(), |cx| {
        let kept = deleted_activities::find(cx.conn, actor.account_id(), id)?
            .filter(|kept| actor.may_touch(kept.user_id))
            .ok_or(Error::NotFound)?;
        if cx.now.naive_utc() - kept.deleted_at > words::undo_window() {
            return Err(invalid(FieldErrors::FORM, "undo-expired"));
        }
        let occurred_on = actor.account.calendar().local_date(kept.occurred_at.and_utc());
        deleted_activities::restore(cx.conn, &kept, occurred_on).map_err(|error| match error {
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                invalid(FieldErrors::FORM, "undo-subject-gone")
            }
            other => other.into(),
        })
    })
}
