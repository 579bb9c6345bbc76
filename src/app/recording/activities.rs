//! Activities: one action a user did on a lead or a prospect, at a moment, with a result.
//! Logging one only adds records (`Cx::append`): reps logging at once do not wait for one
//! another.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::moment;
use crate::app::{Actor, Cx, Error, User, invalid};
use crate::domain::Invalid;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActionId, ActivityId, LeadId, OutcomeId, ProspectId, UserId};
use crate::domain::message::Message;
use crate::domain::recording::{self as words, SubjectKind};
use crate::store::activities::{self, NewActivity, Subject};
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
}

/// What the form offers: the active actions with their results, and the leads and
/// prospects the actor may log on.
pub struct Choices {
    pub actions: Vec<ActionWithOutcomes>,
    pub subjects: Vec<SubjectChoice>,
}

pub fn choices(cx: &mut Cx, actor: &Actor) -> Result<Choices, Error> {
    let (account, owner) = (actor.account_id(), actor.visible_owner());
    let actions = actions::list(cx.conn, account)?.into_iter().filter(|a| a.action.active).collect();
    let mut subjects: Vec<SubjectChoice> = leads::list(cx.conn, account, owner)?
        .into_iter()
        .map(|line| SubjectChoice {
            value: format!("lead:{}", line.lead.id),
            kind: SubjectKind::Lead,
            name: line.lead.title,
        })
        .collect();
    subjects.extend(prospects::list(cx.conn, account, owner)?.into_iter().map(|line| SubjectChoice {
        value: format!("prospect:{}", line.prospect.id),
        kind: SubjectKind::Prospect,
        name: line.prospect.name,
    }));
    Ok(Choices { actions, subjects })
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
    let account = actor.account_id();
    let calendar = actor.account.calendar();
    let mut errors = FieldErrors::new();
    let action = errors.check("action_id", words::parse_id(&form.action_id, "choose-action"));
    let outcome = errors.check("outcome_id", words::parse_id(&form.outcome_id, "choose-result"));
    let subject = errors.check("subject", parse_subject(&form.subject));
    let occurred_at = errors.check("occurred_at", moment(&calendar, &form.occurred_at, cx.now));
    let note = errors.check("note", words::parse_note(&form.note));
    // The checks only read: they run before the write lock is taken, so that reps logging at
    // once queue for the insert alone. A subject deleted in between fails the insert's
    // foreign key, and is answered like an unknown one.
    let action = match action {
        Some(id) => actions::find_action(cx.conn, account, ActionId(id))?.filter(|a| a.active),
        None => None,
    };
    if action.is_none() && errors.get("action_id").is_none() {
        errors.add("action_id", "choose-account-action");
    }
    let outcome = match outcome {
        Some(id) => actions::find_outcome(cx.conn, account, OutcomeId(id))?.filter(|o| o.active),
        None => None,
    };
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
    let new = NewActivity {
        account,
        user: actor.user,
        action: action.id,
        outcome: outcome.id,
        subject,
        occurred_at: occurred_at.naive_utc(),
        occurred_on: calendar.local_date(occurred_at),
        note,
        created_at: cx.now.naive_utc(),
    };
    cx.append(account, |cx| {
        activities::insert(cx.conn, &new).map_err(|error| match error {
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                invalid("subject", "choose-own-subject")
            }
            other => other.into(),
        })
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

/// Deletes an activity: the actor's own, or any for a manager. A second delete of the
/// same activity finds nothing: 404, and nothing taken off twice.
pub fn delete(cx: &mut Cx, actor: &Actor, id: ActivityId) -> Result<(), Error> {
    cx.change(actor.account_id(), |cx| {
        let activity = activities::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
        if !actor.may_touch(activity.user_id) {
            return Err(Error::NotFound);
        }
        activities::delete(cx.conn, actor.account_id(), id)?;
        Ok(())
    })
}
