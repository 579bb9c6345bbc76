//! Control Panel > Sales Process > Pipelines.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::change::ChangeError;
use crate::domain::form::FieldErrors;
use crate::domain::ids::PipelineId;
use crate::domain::message::Message;
use crate::recording;
use crate::store::pipelines::{self, PipelineRow};
use crate::web::current_user::{CurrentUser, RequireManager};
use crate::web::error::{form_status, refusal};
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState, with_conn};

const HERE: &str = "/control-panel/pipelines";

#[derive(Template)]
#[template(path = "control_panel/pipelines.html")]
struct PipelinesPage {
    layout: Layout,
    pipelines: Vec<PipelineRow>,
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

#[derive(Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
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
    let account = current.account.clone();
    let typed = name.clone();
    let done = with_conn(&state.pool, move |conn| {
        Ok(recording::create_pipeline(conn, &account, &typed, Utc::now().naive_utc()))
    })
    .await?;
    respond(&state, &current, done, None, name).await
}

pub async fn rename(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    path: Path<i64>,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let id = PipelineId(path.into_inner());
    let name = form.into_inner().name;
    let account = current.account.clone();
    let typed = name.clone();
    let done = with_conn(&state.pool, move |conn| Ok(recording::rename_pipeline(conn, &account, id, &typed))).await?;
    respond(&state, &current, done, Some(id), name).await
}

async fn respond(
    state: &Data<AppState>,
    current: &CurrentUser,
    done: Result<(), ChangeError>,
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
    let account = current.account.id;
    let pipelines = with_conn(&state.pool, move |conn| Ok(pipelines::list(conn, account)?)).await?;
    let status = refused.as_ref().map_or(StatusCode::OK, |(_, _, errors)| form_status(errors));
    let layout = Layout::signed_in("cp-pipelines-title", current, "/control-panel");
    html(current.locale, status, &PipelinesPage { layout, pipelines, refused })
}
