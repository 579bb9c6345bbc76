//! Leads: list (a rep sees their own, a manager all), create, edit, delete.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;

use super::current_user::CurrentUser;
use super::error::{form_status, refusal};
use super::layout::Layout;
use super::respond::{changed, csv_file, html};
use super::{AppError, AppState};
use crate::app::User;
use crate::app::recording::leads::{self, FormPage, LeadForm, LeadLine, Pipeline};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::LeadId;
use crate::domain::money::{Amount, MoneyStyle};
use crate::domain::recording::LeadStatus;
use crate::domain::spreadsheet::text_cell;
use crate::i18n;

const HERE: &str = "/leads";

/// A lead as the list shows it.
pub struct LeadItem {
    pub id: LeadId,
    pub title: String,
    pub pipeline: String,
    pub owner: String,
    pub amount: String,
    pub status: LeadStatus,
    pub closed_on: String,
}

#[derive(Template)]
#[template(path = "leads/list.html")]
struct LeadsPage {
    layout: Layout,
    leads: Vec<LeadItem>,
    everyone: bool,
}

#[derive(Template)]
#[template(path = "leads/form.html")]
struct LeadFormPage {
    layout: Layout,
    /// None: a new lead.
    lead: Option<LeadId>,
    form: LeadForm,
    errors: FieldErrors,
    pipelines: Vec<Pipeline>,
    /// Who a manager can give the lead to; empty for a rep.
    owners: Vec<User>,
    statuses: &'static [LeadStatus],
    currency: String,
    /// An amount written the reader's way, as a hint: `1250.50`, `1250,50`.
    amount_example: String,
    time_zone: String,
}

pub async fn list(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let lines = state.app.run_as(&current.actor, leads::list).await?;
    let money = current.money();
    let leads = lines.into_iter().map(|line| item(line, &money, current.locale)).collect();
    let everyone = current.actor.visible_owner().is_none();
    let page = LeadsPage { layout: Layout::signed_in("recording-leads", &current, HERE), leads, everyone };
    html(current.locale, StatusCode::OK, &page)
}

/// The leads the reader may see, in the import's columns (and its forecast columns), so that
/// an export imports again elsewhere.
pub async fn csv(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let lines = state.app.run_as(&current.actor, leads::list).await?;
    let calendar = current.account().calendar();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Internal(e.into());
    let header = crate::app::import::LEAD_HEADER.iter().chain(&crate::app::import::LEAD_FORECAST_COLUMNS);
    writer.write_record(header).map_err(fail)?;
    for LeadLine { lead, pipeline, owner_email, .. } in lines {
        let closed_at =
            lead.closed_at.map(|at| calendar.local_datetime(at.and_utc()).format("%Y-%m-%d %H:%M").to_string());
        writer
            .write_record([
                text_cell(&lead.title).into_owned(),
                text_cell(&owner_email).into_owned(),
                text_cell(&pipeline).into_owned(),
                lead.status.as_str().to_owned(),
                lead.amount_cents.map(|c| Amount::from_cents(c).to_input()).unwrap_or_default(),
                current.account().currency.clone(),
                closed_at.unwrap_or_default(),
                lead.estimated_closing_date.map(|d| d.to_string()).unwrap_or_default(),
                lead.probability.map(|p| p.to_string()).unwrap_or_default(),
            ])
            .map_err(fail)?;
    }
    csv_file("leads.csv", writer)
}

fn item(line: LeadLine, currency: &MoneyStyle, locale: Locale) -> LeadItem {
    let LeadLine { lead, pipeline, owner, .. } = line;
    LeadItem {
        id: lead.id,
        status: lead.status,
        amount: lead.amount_cents.map(|c| Amount::from_cents(c).display(currency)).unwrap_or_default(),
        closed_on: lead.closed_on.map(|d| i18n::date(locale, d)).unwrap_or_default(),
        title: lead.title,
        pipeline,
        owner,
    }
}

pub async fn new(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let page = form_page(&state, &current, None).await?;
    let form = LeadForm { locale: current.locale, ..LeadForm::default() };
    render_form(&current, None, form, FieldErrors::new(), page)
}

async fn form_page(state: &AppState, current: &CurrentUser, id: Option<LeadId>) -> Result<FormPage, AppError> {
    Ok(state.app.run_as(&current.actor, move |cx, actor| leads::form_page(cx, actor, id)).await?)
}

/// The form filled with the lead as it is now.
fn stored_form(current: &CurrentUser, page: &FormPage) -> Result<LeadForm, AppError> {
    let lead = page.stored.as_ref().ok_or(AppError::NotFound)?;
    Ok(LeadForm::from_lead(lead, &current.account().calendar(), current.locale))
}

pub async fn create(
    state: Data<AppState>,
    current: CurrentUser,
    form: Form<LeadForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = form.into_inner();
    form.locale = current.locale;
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| leads::create(cx, actor, &typed)).await {
        Ok(lead) => Ok(changed(&current, &format!("{HERE}/{}", lead.id), "recording-lead-created")),
        Err(error) => {
            let errors = refusal(error)?;
            render_form(&current, None, form, errors, form_page(&state, &current, None).await?)
        }
    }
}

pub async fn edit(state: Data<AppState>, current: CurrentUser, path: Path<LeadId>) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let page = form_page(&state, &current, Some(id)).await?;
    render_form(&current, Some(id), stored_form(&current, &page)?, FieldErrors::new(), page)
}

pub async fn update(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<LeadId>,
    form: Form<LeadForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let mut form = form.into_inner();
    form.locale = current.locale;
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| leads::update(cx, actor, id, &typed)).await {
        // Back to the lead's page, where its edit began.
        Ok(_) => Ok(changed(&current, &format!("{HERE}/{id}"), "recording-lead-saved")),
        Err(error) => {
            let errors = refusal(error)?;
            let page = form_page(&state, &current, Some(id)).await?;
            // Saved by someone else meanwhile: the form shows the lead as it is now.
            let form = if form_status(&errors) == StatusCode::CONFLICT { stored_form(&current, &page)? } else { form };
            render_form(&current, Some(id), form, errors, page)
        }
    }
}

pub async fn delete(state: Data<AppState>, current: CurrentUser, path: Path<LeadId>) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| leads::delete(cx, actor, id)).await?;
    Ok(changed(&current, HERE, "recording-lead-deleted"))
}

fn render_form(
    current: &CurrentUser,
    lead: Option<LeadId>,
    form: LeadForm,
    errors: FieldErrors,
    FormPage { pipelines, owners, .. }: FormPage,
) -> Result<HttpResponse, AppError> {
    let status = form_status(&errors);
    let page = LeadFormPage {
        layout: Layout::signed_in(
            if lead.is_some() { "recording-lead-edit" } else { "recording-lead-new" },
            current,
            HERE,
        ),
        lead,
        form,
        errors,
        pipelines,
        owners,
        statuses: LeadStatus::ALL,
        currency: current.account().currency.clone(),
        amount_example: Amount::from_cents(125_050).to_form(current.locale),
        time_zone: current.account().time_zone.to_string(),
    };
    html(current.locale, status, &page)
}
