//! Activities: log one on a lead or prospect, list (own; managers everyone's, by user),
//! delete. The result list follows the chosen action, through htmx or a plain reload.

use crate::web::i18n::filters;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path, Query};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::current_user::CurrentUser;
use super::error::{form_status, is_htmx, refusal};
use super::html_form::HtmlInput;
use super::layout::Layout;
use super::respond::{changed, fragment_body, html, page_or_fragment, see_other};
use super::{AppError, AppState};
use crate::app::User;
use crate::app::recording::activities::{self, ActionWithOutcomes, ActivityForm, ActivityLine, Listing, Subjects};
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActivityId, UserId};
use crate::domain::message::Message;
use crate::domain::recording::SubjectKind;
use crate::i18n;

const HERE: &str = "/activities";
const PAGE_SIZE: i64 = 50;

#[derive(Template)]
#[template(path = "activities/form.html")]
struct ActivityFormPage {
    layout: Layout,
    form: ActivityForm,
    errors: FieldErrors,
    actions: Vec<ActionWithOutcomes>,
    subjects: Subjects,
    /// Whether the person may log on anything at all (a search may find nothing).
    any_subject: bool,
    time_zone: String,
}

/// The subject list, which follows the search: part of the form, and on its own the
/// fragment htmx swaps in as the person types.
#[derive(Template)]
#[template(path = "activities/_subject_field.html")]
struct SubjectField {
    subjects: Subjects,
    form: ActivityForm,
    errors: FieldErrors,
}

/// `GET /activities/subjects?subject_q=…&subject=…`: the subject list for a search.
pub async fn subjects(
    state: Data<AppState>,
    current: CurrentUser,
    HtmlInput(form): HtmlInput<ActivityForm>,
) -> Result<HttpResponse, AppError> {
    let (search, chosen) = (form.subject_q.clone(), form.subject.clone());
    let subjects =
        state.app.run_as(&current.actor, move |cx, actor| activities::subjects(cx, actor, &search, &chosen)).await?;
    let field = SubjectField { subjects, form, errors: FieldErrors::new() };
    Ok(fragment_body(current.locale, StatusCode::OK, field.render_with_values(&current.locale)?))
}

/// The result list, which follows the chosen action: part of the form, and on its own
/// the fragment htmx swaps in when the action changes.
#[derive(Template)]
#[template(path = "activities/_outcome_field.html")]
struct OutcomeField {
    field: OutcomeChoices,
}

pub struct OutcomeChoices {
    /// (id, name) of the chosen action's active results.
    outcomes: Vec<(String, String)>,
    selected: String,
    error: Option<Message>,
}

impl ActivityFormPage {
    fn outcome_field(&self) -> OutcomeChoices {
        let outcomes = self
            .actions
            .iter()
            .find(|a| a.action.id.to_string() == self.form.action_id.trim())
            .map(|a| a.outcomes.iter().filter(|o| o.active).map(|o| (o.id.to_string(), o.name.clone())).collect())
            .unwrap_or_default();
        OutcomeChoices {
            outcomes,
            selected: self.form.outcome_id.trim().to_owned(),
            error: self.errors.get("outcome_id").cloned(),
        }
    }
}

pub struct ActivityItem {
    pub id: ActivityId,
    pub moment: String,
    pub user: String,
    pub action: String,
    pub outcome: String,
    /// What it was done on: its kind, its name and its page (none if it was removed).
    pub subject: Option<(SubjectKind, String, String)>,
    pub note: String,
    pub deletable: bool,
}

#[derive(Template)]
#[template(path = "activities/list.html")]
struct ActivitiesPage {
    layout: Layout,
    activities: Vec<ActivityItem>,
    /// Managers filter by user; reps see only their own.
    users: Vec<User>,
    user: Option<UserId>,
    page: i64,
    has_next: bool,
    /// The activity just deleted, while it can be put back.
    undo: Option<ActivityId>,
    /// Why putting it back was refused.
    errors: FieldErrors,
}

impl ActivitiesPage {
    fn page_url(&self, page: i64) -> String {
        match self.user {
            Some(user) => format!("{HERE}?user={user}&page={page}"),
            None => format!("{HERE}?page={page}"),
        }
    }
}

#[derive(Deserialize)]
pub struct ListQuery {
    user: Option<String>,
    page: Option<i64>,
    /// Just deleted: offer to put it back while that is possible.
    deleted: Option<String>,
}

pub async fn list(
    state: Data<AppState>,
    current: CurrentUser,
    query: Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let ListQuery { user, page, deleted } = query.into_inner();
    let page = crate::domain::range::page(page).map_err(AppError::bad_request)?;
    let asked = match user.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(raw) => Some(UserId(raw.parse().map_err(|_| AppError::NotFound)?)),
        None => None,
    };
    let undo = match deleted.as_deref().and_then(|raw| raw.trim().parse().ok()).map(ActivityId) {
        Some(id) => state.app.run_as(&current.actor, move |cx, actor| activities::undoable(cx, actor, id)).await?,
        None => None,
    };
    render_list(&state, &current, (asked, page), undo.map(|kept| kept.id), FieldErrors::new()).await
}

async fn render_list(
    state: &AppState,
    current: &CurrentUser,
    (asked, page): (Option<UserId>, i64),
    undo: Option<ActivityId>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let Listing { lines, has_next, user, users } =
        state.app.run_as(&current.actor, move |cx, actor| activities::list(cx, actor, asked, page, PAGE_SIZE)).await?;
    let activities = lines.into_iter().map(|line| item(current, line)).collect();
    let status = form_status(&errors);
    let page = ActivitiesPage {
        layout: Layout::signed_in("recording-activities", current, HERE),
        activities,
        users,
        user,
        page,
        has_next,
        undo,
        errors,
    };
    html(current.locale, status, &page)
}

/// An activity as the list and the deletion page show it.
fn item(current: &CurrentUser, line: ActivityLine) -> ActivityItem {
    let calendar = current.account().calendar();
    let ActivityLine { activity, user, action, outcome, lead_title, prospect_name } = line;
    ActivityItem {
        id: activity.id,
        moment: i18n::date_time(current.locale, calendar.local_datetime(activity.occurred_at.and_utc())),
        deletable: current.actor.may_touch(activity.user_id),
        subject: match (lead_title, prospect_name, activity.lead_id, activity.prospect_id) {
            (Some(title), _, Some(id), _) => Some((SubjectKind::Lead, title, format!("/leads/{id}"))),
            (_, Some(name), _, Some(id)) => Some((SubjectKind::Prospect, name, format!("/prospects/{id}"))),
            _ => None,
        },
        note: activity.note,
        user,
        action,
        outcome,
    }
}

/// The form, keeping what was chosen so far: choosing an action draws it again with its
/// results (by htmx, or posted back without JavaScript), nothing saved.
pub async fn new(
    req: HttpRequest,
    state: Data<AppState>,
    current: CurrentUser,
    HtmlInput(mut form): HtmlInput<ActivityForm>,
) -> Result<HttpResponse, AppError> {
    if form.occurred_at.trim().is_empty() {
        let now = current.account().calendar().local_datetime(Utc::now());
        form.occurred_at = now.format("%Y-%m-%dT%H:%M").to_string();
    }
    let page = form_page(&state, &current, form, FieldErrors::new()).await?;
    page_or_fragment(
        current.locale,
        is_htmx(&req),
        StatusCode::OK,
        &page,
        &OutcomeField { field: page.outcome_field() },
    )
}

pub async fn create(
    state: Data<AppState>,
    current: CurrentUser,
    form: Form<ActivityForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let typed = form.clone();
    let done = state.app.run_as(&current.actor, move |cx, actor| activities::log(cx, actor, &typed)).await;
    match done {
        Ok(_) => Ok(changed(&current, HERE, "recording-activity-logged")),
        Err(error) => {
            let errors = refusal(error)?;
            let status = form_status(&errors);
            let page = form_page(&state, &current, form, errors).await?;
            html(current.locale, status, &page)
        }
    }
}

pub async fn delete(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ActivityId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| activities::delete(cx, actor, id)).await?;
    // The list says it was deleted, with its undo: no flash besides.
    Ok(see_other(&format!("{HERE}?deleted={id}")))
}

/// Puts a just-deleted activity back; refused (the window passed, its lead went), the list
/// says why.
pub async fn restore(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ActivityId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    match state.app.run_as(&current.actor, move |cx, actor| activities::restore(cx, actor, id)).await {
        Ok(_) => Ok(changed(&current, HERE, "recording-activity-restored")),
        Err(error) => render_list(&state, &current, (None, 1), None, refusal(error)?).await,
    }
}

#[derive(Template)]
#[template(path = "activities/delete.html")]
struct DeletionPage {
    layout: Layout,
    id: ActivityId,
    /// "Call · Reached", on what, when and by whom.
    what: String,
    subject: Option<(SubjectKind, String, String)>,
    moment: String,
    user: String,
}

/// `GET /activities/{id}/delete`: what is about to go, and the button that deletes it.
pub async fn confirm_delete(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ActivityId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let line = state.app.run_as(&current.actor, move |cx, actor| activities::deletion(cx, actor, id)).await?;
    let item = item(&current, line);
    let page = DeletionPage {
        layout: Layout::signed_in("recording-activity-delete-title", &current, HERE),
        id,
        what: format!("{} · {}", item.action, item.outcome),
        subject: item.subject,
        moment: item.moment,
        user: item.user,
    };
    html(current.locale, StatusCode::OK, &page)
}

async fn form_page(
    state: &Data<AppState>,
    current: &CurrentUser,
    form: ActivityForm,
    errors: FieldErrors,
) -> Result<ActivityFormPage, AppError> {
    let (search, chosen) = (form.subject_q.clone(), form.subject.clone());
    let choices =
        state.app.run_as(&current.actor, move |cx, actor| activities::choices(cx, actor, &search, &chosen)).await?;
    let any_subject = !choices.subjects.is_empty() || !form.subject_q.trim().is_empty();
    Ok(ActivityFormPage {
        any_subject,
        layout: Layout::signed_in("recording-activity-log-title", current, HERE),
        form,
        errors,
        actions: choices.actions,
        subjects: choices.subjects,
        time_zone: current.account().time_zone.to_string(),
    })
}
