//! What a lead's page and a prospect's page share: the timeline, and the form that logs an
//! activity in one step (one select of results grouped by action, the subject fixed).

use chrono::{NaiveDateTime, Utc};

use super::current_user::CurrentUser;
use super::error::refusal;
use super::{AppError, AppState};
use crate::app::recording::activities::{self, ActionWithOutcomes, ActivityForm, ActivityLine};
use crate::domain::form::FieldErrors;
use crate::domain::ids::ActivityId;
use crate::domain::money::Amount;
use crate::domain::recording::LeadStatus;
use crate::i18n;
use crate::store::lead_changes::LeadChange;

/// A subject page's heading and details.
pub struct SubjectHead {
    /// The list it belongs to, and its catalogue key.
    pub list_href: &'static str,
    pub list_label: &'static str,
    pub name: String,
    /// The page's own path (`/leads/{id}`): edit and delete follow it.
    pub path: String,
    pub status: Option<LeadStatus>,
    /// (label, value) in the reader's language and way of writing.
    pub details: Vec<(String, String)>,
    /// A related record: (label key, its page, its name).
    pub link: Option<(&'static str, String, String)>,
}

/// One line of a timeline, latest first: an activity, or a status the lead took.
pub struct TimelineItem {
    at: NaiveDateTime,
    pub moment: String,
    /// "Call · Reached", or "Won for €12,500".
    pub what: String,
    pub who: String,
    pub note: String,
    /// Set on a status change: its status, for its colour.
    pub status: Option<LeadStatus>,
    /// Set on an activity the reader may delete.
    pub deletable: Option<ActivityId>,
}

/// The activities and status changes merged, latest first, at most `limit` of them.
pub fn timeline(
    current: &CurrentUser,
    activities: Vec<ActivityLine>,
    changes: Vec<LeadChange>,
    limit: usize,
) -> Vec<TimelineItem> {
    let (locale, calendar, money) = (current.locale, current.account().calendar(), current.money());
    let moment = |at: NaiveDateTime| i18n::date_time(locale, calendar.local_datetime(at.and_utc()));
    let mut items: Vec<TimelineItem> = activities
        .into_iter()
        .map(|line| TimelineItem {
            at: line.activity.occurred_at,
            moment: moment(line.activity.occurred_at),
            what: format!("{} · {}", line.action, line.outcome),
            who: line.user,
            note: line.activity.note,
            status: None,
            deletable: current.actor.may_touch(line.activity.user_id).then_some(line.activity.id),
        })
        .collect();
    items.extend(changes.into_iter().map(|change| {
        let status = i18n::lookup(locale, change.status.label_key(), &[]);
        let what = match change.amount_cents {
            Some(cents) if change.status == LeadStatus::Won => {
                let amount = Amount::from_cents(cents).display(&money);
                i18n::lookup(locale, "recording-timeline-won", &[("amount", &amount)])
            }
            _ => i18n::lookup(locale, "recording-timeline-status", &[("status", &status)]),
        };
        TimelineItem {
            at: change.at,
            moment: moment(change.at),
            what,
            who: change.by.unwrap_or_else(|| i18n::lookup(locale, "recording-timeline-import", &[])),
            note: String::new(),
            status: Some(change.status),
            deletable: None,
        }
    }));
    // Stable: at one instant, a status change (listed last) stays after the activity.
    items.sort_by_key(|item| std::cmp::Reverse(item.at));
    items.truncate(limit);
    items
}

/// Logs the one-step form's activity on `subject` (`lead:ID` or `prospect:ID`), whatever
/// the body says it is on; the action follows from the result. Refused: the form as typed,
/// and why.
pub async fn log_on(
    state: &AppState,
    current: &CurrentUser,
    subject: String,
    form: ActivityForm,
) -> Result<Result<(), (ActivityForm, FieldErrors)>, AppError> {
    let form = ActivityForm { subject, action_id: String::new(), ..form };
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| activities::log(cx, actor, &typed)).await {
        Ok(_) => Ok(Ok(())),
        Err(error) => Ok(Err((form, refusal(error)?))),
    }
}

/// The one-step activity form of a subject's page, as typed so far.
pub struct LogActivity {
    /// Where it posts: `/leads/{id}/activities` or `/prospects/{id}/activities`.
    pub action: String,
    pub form: ActivityForm,
    pub errors: FieldErrors,
    pub actions: Vec<ActionWithOutcomes>,
    pub time_zone: String,
}

impl LogActivity {
    /// The form as it first shows: no result chosen, now as its moment.
    pub fn blank(current: &CurrentUser, action: String, actions: Vec<ActionWithOutcomes>) -> Self {
        let now = current.account().calendar().local_datetime(Utc::now());
        let form = ActivityForm { occurred_at: now.format("%Y-%m-%dT%H:%M").to_string(), ..ActivityForm::default() };
        Self::typed(current, action, actions, form, FieldErrors::new())
    }

    pub fn typed(
        current: &CurrentUser,
        action: String,
        actions: Vec<ActionWithOutcomes>,
        form: ActivityForm,
        errors: FieldErrors,
    ) -> Self {
        Self { action, form, errors, actions, time_zone: current.account().time_zone.to_string() }
    }

    /// The form as first shown, or as typed when it was refused, with the page's status.
    pub fn shown(
        current: &CurrentUser,
        action: String,
        actions: Vec<ActionWithOutcomes>,
        typed: Option<(ActivityForm, FieldErrors)>,
    ) -> (Self, actix_web::http::StatusCode) {
        match typed {
            None => (Self::blank(current, action, actions), actix_web::http::StatusCode::OK),
            Some((form, errors)) => {
                let status = super::error::form_status(&errors);
                (Self::typed(current, action, actions, form, errors), status)
            }
        }
    }

    /// The result's error, or the action's (which follows from the result).
    pub fn result_error(&self) -> Option<&crate::domain::message::Message> {
        self.errors.get("outcome_id").or_else(|| self.errors.get("action_id"))
    }
}
