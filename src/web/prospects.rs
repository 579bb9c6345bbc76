//! Prospects: list, create, edit, delete, convert into a lead.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use serde::Deserialize;

use super::confirmation::{self, Ask};
use super::current_user::CurrentUser;
use super::error::{form_status, refusal};
use super::layout::Layout;
use super::respond::{changed, html};
use super::{AppError, AppState};
use crate::app::User;
use crate::app::recording::leads::Pipeline;
use crate::app::recording::prospects::{self, FormPage, ProspectForm, ProspectLine};
use crate::domain::form::FieldErrors;
use crate::domain::ids::ProspectId;

const HERE: &str = "/prospects";

#[derive(Template)]
#[template(path = "prospects/list.html")]
struct ProspectsPage {
    layout: Layout,
    prospects: Vec<ProspectLine>,
    pipelines: Vec<Pipeline>,
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
    owners: Vec<User>,
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
    let (prospects, pipelines) = state.app.run_as(&current.actor, prospects::list).await?;
    let status = convert_error.as_ref().map_or(StatusCode::OK, |(_, errors)| form_status(errors));
    let page = ProspectsPage {
        layout: Layout::signed_in("recording-prospects", current, HERE),
        prospects,
        pipelines,
        everyone: current.actor.visible_owner().is_none(),
        convert_error,
    };
    html(current.locale, status, &page)
}

pub async fn new(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    render_form(&state, &current, None, Some(ProspectForm::default()), FieldErrors::new()).await
}

pub async fn create(
    state: Data<AppState>,
    current: CurrentUser,
    form: Form<ProspectForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| prospects::create(cx, actor, &typed)).await {
        Ok(prospect) => Ok(changed(&current, &format!("{HERE}/{}", prospect.id), "recording-prospect-created")),
        Err(error) => render_form(&state, &current, None, Some(form), refusal(error)?).await,
    }
}

pub async fn edit(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
) -> Result<HttpResponse, AppError> {
    render_form(&state, &current, Some(path.into_inner()), None, FieldErrors::new()).await
}

pub async fn update(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
    form: Form<ProspectForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| prospects::update(cx, actor, id, &typed)).await {
        Ok(()) => Ok(changed(&current, &format!("{HERE}/{id}"), "recording-prospect-saved")),
        Err(error) => render_form(&state, &current, Some(id), Some(form), refusal(error)?).await,
    }
}

pub async fn delete(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| prospects::delete(cx, actor, id)).await?;
    Ok(changed(&current, HERE, "recording-prospect-deleted"))
}

pub async fn convert(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
    form: Form<ConvertForm>,
) -> Result<HttpResponse, AppError> {
    let (id, pipeline) = (path.into_inner(), form.into_inner().pipeline_id);
    match state.app.run_as(&current.actor, move |cx, actor| prospects::convert(cx, actor, id, &pipeline)).await {
        Ok(lead) => {
            Ok(changed(&current, &format!("/leads/{}/edit", lead.id), "recording-prospect-converted-into-lead"))
        }
        Err(error) => render_list(&state, &current, Some((id, refusal(error)?))).await,
    }
}

/// The form of a new prospect or of `prospect`, filled with `form` or else with the
/// prospect as stored.
async fn render_form(
    state: &Data<AppState>,
    current: &CurrentUser,
    prospect: Option<ProspectId>,
    form: Option<ProspectForm>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let FormPage { stored, owners } =
        state.app.run_as(&current.actor, move |cx, actor| prospects::form_page(cx, actor, prospect)).await?;
    let form = form.or_else(|| stored.as_ref().map(ProspectForm::from_prospect)).unwrap_or_default();
    let status = form_status(&errors);
    let layout = Layout::signed_in(
        if prospect.is_some() { "recording-prospect-edit" } else { "recording-prospect-new" },
        current,
        HERE,
    );
    html(current.locale, status, &ProspectFormPage { layout, prospect, form, errors, owners })
}

/// `GET /prospects/{id}/delete`: what deleting the prospect takes with it, and the button.
pub async fn confirm_delete(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<ProspectId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (name, activities) =
        state.app.run_as(&current.actor, move |cx, actor| prospects::deletion(cx, actor, id)).await?;
    let locale = current.locale;
    let mut sentences = vec![crate::i18n::lookup(locale, "recording-prospect-delete-question", &[("name", &name)])];
    if activities > 0 {
        let count = activities.to_string();
        sentences.push(crate::i18n::lookup(locale, "recording-prospect-delete-activities", &[("count", &count)]));
    }
    let ask = Ask {
        heading: "recording-prospect-delete-title",
        confirm: "recording-prospect-delete-confirm",
        back: &format!("{HERE}/{id}"),
        back_label: "recording-prospects",
        menu: HERE,
    };
    confirmation::page(&current, ask, sentences, &format!("{HERE}/{id}/delete"), Vec::new())
}
