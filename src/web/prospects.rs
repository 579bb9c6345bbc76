//! Prospects: list, create, edit, delete, convert into a lead.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use super::current_user::CurrentUser;
use super::error::{form_status, refusal};
use super::layout::Layout;
use super::respond::{changed, html};
use super::{AppError, AppState, with_conn};
use crate::domain::form::FieldErrors;
use crate::domain::ids::ProspectId;
use crate::recording::{self, ProspectForm};
use crate::store::pipelines::{self, PipelineRow};
use crate::store::prospects::{self, ProspectLine};
use crate::store::users::{self, UserRow};

const HERE: &str = "/prospects";

#[derive(Template)]
#[template(path = "prospects/list.html")]
struct ProspectsPage {
    layout: Layout,
    prospects: Vec<ProspectLine>,
    pipelines: Vec<PipelineRow>,
    everyone: bool,
    /// A refused conversion: the prospect and why.
    convert_error: Option<(ProspectId, FieldErrors)>,
}

#[derive(Template)]
#[template(path = "prospects/form.html")]
struct ProspectFormPage {
    layout: Layout,
    prospect: Option<ProspectId>,
    form: ProspectForm,
    errors: FieldErrors,
    owners: Vec<UserRow>,
}

#[derive(Deserialize)]
pub struct ConvertForm {
    #[serde(default)]
    pipeline_id: String,
}

pub async fn list(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    render_list(&state, &current, None).await
}

async fn render_list(
    state: &Data<AppState>,
    current: &CurrentUser,
    convert_error: Option<(ProspectId, FieldErrors)>,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let owner = recording::visible_owner(&current.user);
    let (prospects, pipelines) = with_conn(&state.pool, move |conn| {
        Ok((prospects::list(conn, account, owner)?, pipelines::list(conn, account)?))
    })
    .await?;
    let status = convert_error.as_ref().map_or(StatusCode::OK, |(_, errors)| form_status(errors));
    let page = ProspectsPage {
        layout: Layout::signed_in("recording-prospects", current, HERE),
        prospects,
        pipelines,
        everyone: owner.is_none(),
        convert_error,
    };
    html(current.locale, status, &page)
}

pub async fn new(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    render_form(&state, &current, None, ProspectForm::default(), FieldErrors::new()).await
}

pub async fn create(
    state: Data<AppState>,
    current: CurrentUser,
    form: Form<ProspectForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let (account, user, typed) = (current.account.clone(), current.user.clone(), form.clone());
    let done =
        with_conn(&state.pool, move |conn| Ok(recording::create_prospect(conn, &account, &user, &typed, Utc::now())))
            .await?;
    match done {
        Ok(_) => Ok(changed(&current, HERE, "recording-prospect-created")),
        Err(error) => render_form(&state, &current, None, form, refusal(error)?).await,
    }
}

pub async fn edit(state: Data<AppState>, current: CurrentUser, path: Path<i64>) -> Result<HttpResponse, AppError> {
    let id = ProspectId(path.into_inner());
    let (account, user) = (current.account.clone(), current.user.clone());
    let prospect =
        with_conn(&state.pool, move |conn| Ok(recording::visible_prospect(conn, &account, &user, id))).await??;
    let form = ProspectForm {
        name: prospect.name,
        list_name: prospect.list_name.unwrap_or_default(),
        owner_id: prospect.owner_id.to_string(),
    };
    render_form(&state, &current, Some(id), form, FieldErrors::new()).await
}

pub async fn update(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<i64>,
    form: Form<ProspectForm>,
) -> Result<HttpResponse, AppError> {
    let id = ProspectId(path.into_inner());
    let form = form.into_inner();
    let (account, user, typed) = (current.account.clone(), current.user.clone(), form.clone());
    let done =
        with_conn(&state.pool, move |conn| Ok(recording::update_prospect(conn, &account, &user, id, &typed))).await?;
    match done {
        Ok(()) => Ok(changed(&current, HERE, "recording-prospect-saved")),
        Err(error) => render_form(&state, &current, Some(id), form, refusal(error)?).await,
    }
}

pub async fn delete(state: Data<AppState>, current: CurrentUser, path: Path<i64>) -> Result<HttpResponse, AppError> {
    let id = ProspectId(path.into_inner());
    let (account, user) = (current.account.clone(), current.user.clone());
    with_conn(&state.pool, move |conn| Ok(recording::delete_prospect(conn, &account, &user, id))).await??;
    Ok(changed(&current, HERE, "recording-prospect-deleted"))
}

pub async fn convert(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<i64>,
    form: Form<ConvertForm>,
) -> Result<HttpResponse, AppError> {
    let id = ProspectId(path.into_inner());
    let (account, user, pipeline) = (current.account.clone(), current.user.clone(), form.into_inner().pipeline_id);
    let done = with_conn(&state.pool, move |conn| {
        Ok(recording::convert_prospect(conn, &account, &user, id, &pipeline, Utc::now()))
    })
    .await?;
    match done {
        Ok(lead) => {
            Ok(changed(&current, &format!("/leads/{}/edit", lead.id), "recording-prospect-converted-into-lead"))
        }
        Err(error) => render_list(&state, &current, Some((id, refusal(error)?))).await,
    }
}

async fn render_form(
    state: &Data<AppState>,
    current: &CurrentUser,
    prospect: Option<ProspectId>,
    form: ProspectForm,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let manages = current.role().manages();
    let owners =
        with_conn(&state.pool, move |conn| Ok(if manages { users::list_active(conn, account)? } else { Vec::new() }))
            .await?;
    let status = form_status(&errors);
    let layout = Layout::signed_in(
        if prospect.is_some() { "recording-prospect-edit" } else { "recording-prospect-new" },
        current,
        HERE,
    );
    html(current.locale, status, &ProspectFormPage { layout, prospect, form, errors, owners })
}
