//! Leads: list (a rep sees their own, a manager all), create, edit, delete.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use chrono::Utc;

use super::current_user::CurrentUser;
use super::error::{form_status, refusal};
use super::layout::Layout;
use super::respond::{changed, html};
use super::{AppError, AppState, with_conn};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::LeadId;
use crate::domain::money::{Amount, MoneyStyle};
use crate::domain::recording::LeadStatus;
use crate::i18n;
use crate::recording::{self, LeadForm};
use crate::store::leads::{self, LeadLine};
use crate::store::pipelines::{self, PipelineRow};
use crate::store::users::{self, UserRow};

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
    pipelines: Vec<PipelineRow>,
    /// Who a manager can give the lead to; empty for a rep.
    owners: Vec<UserRow>,
    statuses: &'static [LeadStatus],
    currency: String,
    /// An amount written the reader's way, as a hint: `1250.50`, `1250,50`.
    amount_example: String,
    time_zone: String,
}

pub async fn list(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let owner = recording::visible_owner(&current.user);
    let lines = with_conn(&state.pool, move |conn| Ok(leads::list(conn, account, owner)?)).await?;
    let money = current.money();
    let leads = lines.into_iter().map(|line| item(line, &money, current.locale)).collect();
    let page =
        LeadsPage { layout: Layout::signed_in("recording-leads", &current, HERE), leads, everyone: owner.is_none() };
    html(current.locale, StatusCode::OK, &page)
}

fn item(line: LeadLine, currency: &MoneyStyle, locale: Locale) -> LeadItem {
    let LeadLine { lead, pipeline, owner } = line;
    LeadItem {
        id: lead.id,
        status: lead.status(),
        amount: lead.amount_cents.map(|c| Amount::from_cents(c).display(currency)).unwrap_or_default(),
        closed_on: lead.closed_on.map(|d| i18n::date(locale, d)).unwrap_or_default(),
        title: lead.title,
        pipeline,
        owner,
    }
}

pub async fn new(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let form = LeadForm { locale: current.locale, ..LeadForm::default() };
    render_form(&state, &current, None, form, FieldErrors::new()).await
}

pub async fn create(
    state: Data<AppState>,
    current: CurrentUser,
    form: Form<LeadForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = form.into_inner();
    form.locale = current.locale;
    let (account, user, typed) = (current.account.clone(), current.user.clone(), form.clone());
    let done =
        with_conn(&state.pool, move |conn| Ok(recording::create_lead(conn, &account, &user, &typed, Utc::now())))
            .await?;
    match done {
        Ok(_) => Ok(changed(&current, HERE, "recording-lead-created")),
        Err(error) => render_form(&state, &current, None, form, refusal(error)?).await,
    }
}

pub async fn edit(state: Data<AppState>, current: CurrentUser, path: Path<i64>) -> Result<HttpResponse, AppError> {
    let id = LeadId(path.into_inner());
    let (account, user) = (current.account.clone(), current.user.clone());
    let lead = with_conn(&state.pool, move |conn| Ok(recording::visible_lead(conn, &account, &user, id))).await?;
    let lead = lead?;
    let form = LeadForm::from_lead(&lead, &current.account.calendar(), current.locale);
    render_form(&state, &current, Some(id), form, FieldErrors::new()).await
}

pub async fn update(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<i64>,
    form: Form<LeadForm>,
) -> Result<HttpResponse, AppError> {
    let id = LeadId(path.into_inner());
    let mut form = form.into_inner();
    form.locale = current.locale;
    let (account, user, typed) = (current.account.clone(), current.user.clone(), form.clone());
    let done =
        with_conn(&state.pool, move |conn| Ok(recording::update_lead(conn, &account, &user, id, &typed, Utc::now())))
            .await?;
    match done {
        Ok(_) => Ok(changed(&current, HERE, "recording-lead-saved")),
        Err(error) => {
            let errors = refusal(error)?;
            if form_status(&errors) != StatusCode::CONFLICT {
                return render_form(&state, &current, Some(id), form, errors).await;
            }
            // Saved by someone else meanwhile: the form shows the lead as it is now.
            let (account, user) = (current.account.clone(), current.user.clone());
            let lead =
                with_conn(&state.pool, move |conn| Ok(recording::visible_lead(conn, &account, &user, id))).await??;
            let now = LeadForm::from_lead(&lead, &current.account.calendar(), current.locale);
            render_form(&state, &current, Some(id), now, errors).await
        }
    }
}

pub async fn delete(state: Data<AppState>, current: CurrentUser, path: Path<i64>) -> Result<HttpResponse, AppError> {
    let id = LeadId(path.into_inner());
    let (account, user) = (current.account.clone(), current.user.clone());
    let done = with_conn(&state.pool, move |conn| Ok(recording::delete_lead(conn, &account, &user, id))).await?;
    done?;
    Ok(changed(&current, HERE, "recording-lead-deleted"))
}

async fn render_form(
    state: &Data<AppState>,
    current: &CurrentUser,
    lead: Option<LeadId>,
    form: LeadForm,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let manages = current.role().manages();
    let (pipelines, owners) = with_conn(&state.pool, move |conn| {
        let owners = if manages { users::list_active(conn, account)? } else { Vec::new() };
        Ok((pipelines::list(conn, account)?, owners))
    })
    .await?;
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
        currency: current.account.currency.clone(),
        amount_example: Amount::from_cents(125_050).to_form(current.locale),
        time_zone: current.account.time_zone.clone(),
    };
    html(current.locale, status, &page)
}
