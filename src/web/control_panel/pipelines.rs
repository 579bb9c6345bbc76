//! Control Panel > Sales Process > Pipelines.

use crate::web::html_form::NameForm;
use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;

use crate::app;
use crate::app::sales_process::pipelines::{self, Pipeline};
use crate::domain::form::FieldErrors;
use crate::domain::ids::PipelineId;
use crate::domain::message::Message;
use crate::web::current_user::{CurrentUser, RequireManager};
use crate::web::error::{form_status, refusal};
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

const HERE: &str = "/control-panel/pipelines";

#[derive(Template)]
#[template(path = "control_panel/pipelines.html")]
struct PipelinesPage {
    layout: Layout,
    pipelines: Vec<Pipeline>,
    /// The form that was refused: the pipeline being renamed (none: the new one), its
    /// typed name and the message.
    refused: Option<(Option<PipelineId>, String, FieldErrors)>,
}

impl PipelinesPage {
    fn typed_name(&self, pipeline: Option<PipelineId>) -> Option<&str> {
        self.refused.as_ref().filter(|(id, _, _)| *id == pipeline).map(|(_, name, _)| name.as_str())
    }

    fn error_for(&self, pipeline: Option<PipelineId>) -> Option<&Message> {
        self.refused.as_ref().filter(|(id, _, _)| *id == pipeline).and_then(|(_, _, errors)| errors.get("name"))
    }
}

pub async fn get(state: Data<AppState>, RequireManager(current): RequireManager) -> Result<HttpResponse, AppError> {
    render(&state, &current, None).await
}

pub async fn create(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let name = form.into_inner().name;
    let typed = name.clone();
    let done = state.app.run_as(&current.actor, move |cx, actor| pipelines::create(cx, actor, &typed)).await;
    respond(&state, &current, done, None, name).await
}

pub async fn rename(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    path: Path<PipelineId>,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let name = form.into_inner().name;
    let typed = name.clone();
    let done = state.app.run_as(&current.actor, move |cx, actor| pipelines::rename(cx, actor, id, &typed)).await;
    respond(&state, &current, done, Some(id), name).await
}

async fn respond(
    state: &Data<AppState>,
    current: &CurrentUser,
    done: Result<(), app::Error>,
    pipeline: Option<PipelineId>,
    name: String,
) -> Result<HttpResponse, AppError> {
    match done {
        Ok(()) => Ok(changed(current, HERE, "cp-pipelines-saved")),
        Err(error) => render(state, current, Some((pipeline, name, refusal(error)?))).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    refused: Option<(Option<PipelineId>, String, FieldErrors)>,
) -> Result<HttpResponse, AppError> {
    let pipelines = state.app.run_as(&current.actor, pipelines::list).await?;
    let status = refused.as_ref().map_or(StatusCode::OK, |(_, _, errors)| form_status(errors));
    let layout = Layout::signed_in("cp-pipelines-title", current, "/control-panel");
    html(current.locale, status, &PipelinesPage { layout, pipelines, refused })
}
