//! A lead's page (`/leads/{id}`): its details and timeline, an activity logged on it in one
//! step, and a win in one click with its amount asked inline.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use serde::Deserialize;

use super::current_user::CurrentUser;
use super::error::{form_status, refusal};
use super::layout::Layout;
use super::respond::{changed, html};
use super::subject_page::{LogActivity, SubjectHead, TimelineItem, log_on, timeline};
use super::{AppError, AppState};
use crate::app::recording::activities::ActivityForm;
use crate::app::recording::leads::{self, Lead, LeadPage, TIMELINE_LENGTH};
use crate::domain::form::FieldErrors;
use crate::domain::ids::LeadId;
use crate::domain::money::Amount;
use crate::i18n;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "leads/show.html")]
struct LeadShowPage {
    layout: Layout,
    head: SubjectHead,
    lead: Lead,
    log: LogActivity,
    timeline: Vec<TimelineItem>,
    win_amount: String,
    win_errors: FieldErrors,
    currency: String,
    amount_example: String,
}

/// The "mark as won" form: the amount, and the version of the lead the page showed.
#[derive(Deserialize)]
pub struct WinForm {
    #[serde(default)]
    amount: String,
    #[serde(default)]
    version: String,
}

/// What the page's forms hold: as first shown, or as typed when one was refused.
enum Typed {
    Nothing,
    Activity(ActivityForm, FieldErrors),
    Win(String, FieldErrors),
}

pub async fn show(state: Data<AppState>, current: CurrentUser, path: Path<LeadId>) -> Result<HttpResponse, AppError> {
    render(&state, &current, path.into_inner(), Typed::Nothing).await
}

pub async fn log(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<LeadId>,
    form: Form<ActivityForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    match log_on(&state, &current, format!("lead:{id}"), form.into_inner()).await? {
        Ok(()) => Ok(changed(&current, &format!("/leads/{id}"), "recording-activity-logged")),
        Err((form, errors)) => render(&state, &current, id, Typed::Activity(form, errors)).await,
    }
}

pub async fn win(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<LeadId>,
    form: Form<WinForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let WinForm { amount, version } = form.into_inner();
    let (typed, locale) = (amount.clone(), current.locale);
    let done =
        state.app.run_as(&current.actor, move |cx, actor| leads::win(cx, actor, id, &typed, &version, locale)).await;
    match done {
        Ok(_) => Ok(changed(&current, &format!("/leads/{id}"), "recording-lead-won")),
        Err(error) => render(&state, &current, id, Typed::Win(amount, refusal(error)?)).await,
    }
}

async fn render(state: &AppState, current: &CurrentUser, id: LeadId, typed: Typed) -> Result<HttpResponse, AppError> {
    let LeadPage { lead, pipeline, owner, changes, activities, actions, prospect } =
        state.app.run_as(&current.actor, move |cx, actor| leads::page(cx, actor, id)).await?;
    let (locale, money) = (current.locale, current.money());
    let stored_amount = lead.amount_cents.map(|c| Amount::from_cents(c).to_form(locale)).unwrap_or_default();
    let here = format!("/leads/{id}/activities");
    let (log, win_amount, win_errors, status) = match typed {
        Typed::Nothing => {
            (LogActivity::blank(current, here, actions), stored_amount, FieldErrors::new(), StatusCode::OK)
        }
        Typed::Activity(form, errors) => {
            let status = form_status(&errors);
            (LogActivity::typed(current, here, actions, form, errors), stored_amount, FieldErrors::new(), status)
        }
        Typed::Win(amount, errors) => {
            let status = form_status(&errors);
            // Saved by someone else meanwhile: the page shows the lead as it is now.
            let amount = if status == StatusCode::CONFLICT { stored_amount } else { amount };
            (LogActivity::blank(current, here, actions), amount, errors, status)
        }
    };
    let label = |key: &str| i18n::lookup(locale, key, &[]);
    let mut details = vec![(label("recording-lead-pipeline"), pipeline), (label("recording-owner"), owner)];
    if let Some(cents) = lead.amount_cents {
        details.push((label("recording-lead-amount-column"), Amount::from_cents(cents).display(&money)));
    }
    if let Some(day) = lead.closed_on {
        details.push((label("recording-lead-won-on"), i18n::date(locale, day)));
    }
    if let Some(day) = lead.estimated_closing_date {
        details.push((label("recording-lead-estimated-closing"), i18n::date(locale, day)));
    }
    if let Some(percent) = lead.probability {
        details.push((label("recording-lead-probability"), percent.to_string()));
    }
    let created = current.account().calendar().local_datetime(lead.created_at.and_utc());
    details.push((label("recording-created"), i18n::date_time(locale, created)));
    let head = SubjectHead {
        list_href: "/leads",
        list_label: "recording-leads",
        name: lead.title.clone(),
        path: format!("/leads/{id}"),
        status: Some(lead.status),
        details,
        link: prospect.map(|p| ("recording-lead-from-prospect", format!("/prospects/{}", p.id), p.name)),
    };
    let page = LeadShowPage {
        layout: Layout::signed_in(crate::domain::message::Message::verbatim(&lead.title), current, "/leads"),
        timeline: timeline(current, activities, changes, TIMELINE_LENGTH as usize),
        head,
        log,
        win_amount,
        win_errors,
        currency: current.account().currency.clone(),
        amount_example: Amount::from_cents(125_050).to_form(locale),
        lead,
    };
    html(locale, status, &page)
}
