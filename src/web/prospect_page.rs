//! A prospect's page (`/prospects/{id}`): its details and the activities logged on it, an
//! activity logged in one step, and its conversion into a lead.

use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Path};
use askama::Template;

use super::current_user::CurrentUser;
use super::layout::Layout;
use super::respond::{changed, html};
use super::subject_page::{LogActivity, SubjectHead, TimelineItem, log_on, timeline};
use super::{AppError, AppState};
use crate::app::recording::activities::ActivityForm;
use crate::app::recording::leads::{Lead, Pipeline, TIMELINE_LENGTH};
use crate::app::recording::prospects::{self, Prospect, ProspectPage};
use crate::domain::form::FieldErrors;
use crate::domain::ids::ProspectId;
use crate::domain::message::Message;
use crate::i18n;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "prospects/show.html")]
struct ProspectShowPage {
    layout: Layout,
    head: SubjectHead,
    prospect: Prospect,
    lead: Option<Lead>,
    pipelines: Vec<Pipeline>,
    log: LogActivity,
    timeline: Vec<TimelineItem>,
}

pub async fn show(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
) -> Result<HttpResponse, AppError> {
    render(&state, &current, path.into_inner(), None).await
}

pub async fn log(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
    form: Form<ActivityForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    match log_on(&state, &current, format!("prospect:{id}"), form.into_inner()).await? {
        Ok(()) => Ok(changed(&current, &format!("/prospects/{id}"), "recording-activity-logged")),
        Err(typed) => render(&state, &current, id, Some(typed)).await,
    }
}

async fn render(
    state: &AppState,
    current: &CurrentUser,
    id: ProspectId,
    typed: Option<(ActivityForm, FieldErrors)>,
) -> Result<HttpResponse, AppError> {
    let ProspectPage { prospect, owner, activities, actions, lead, pipelines } =
        state.app.run_as(&current.actor, move |cx, actor| prospects::page(cx, actor, id)).await?;
    let locale = current.locale;
    let here = format!("/prospects/{id}/activities");
    let (log, status) = LogActivity::shown(current, here, actions, typed);
    let label = |key: &str| i18n::lookup(locale, key, &[]);
    let mut details = vec![(label("recording-owner"), owner)];
    if let Some(list) = &prospect.list_name {
        details.push((label("recording-prospect-list-name"), list.clone()));
    }
    let created = current.account().calendar().local_datetime(prospect.created_at.and_utc());
    details.push((label("recording-created"), i18n::date_time(locale, created)));
    let head = SubjectHead {
        list_href: "/prospects",
        list_label: "recording-prospects",
        name: prospect.name.clone(),
        path: format!("/prospects/{id}"),
        status: None,
        details,
        link: lead.as_ref().map(|l| ("recording-prospect-lead-column", format!("/leads/{}", l.id), l.title.clone())),
    };
    let page = ProspectShowPage {
        layout: Layout::signed_in(Message::verbatim(&prospect.name), current, "/prospects"),
        timeline: timeline(current, activities, Vec::new(), TIMELINE_LENGTH as usize),
        head,
        lead,
        pipelines,
        log,
        prospect,
    };
    html(locale, status, &page)
}
