//! Control Panel › Account settings (admins): the settings form, the holidays, and the
//! progress of a time-zone change being applied, which htmx polls.

use crate::web::i18n::filters;
use actix_web::web::{Data, Form, Path};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use crate::app::settings::holidays::{self, HolidayForm};
use crate::app::settings::{self, SettingsForm, SettingsPage};
use crate::domain::account::{Locale, WeekStart};
use crate::domain::form::FieldErrors;
use crate::domain::working_calendar::WorkingDays;
use crate::store::holidays::Holiday;
use crate::store::rebuilds::RebuildRow;
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::{form_status, is_htmx, refusal};
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

const HERE: &str = "/control-panel/account";

#[derive(Template)]
#[template(path = "control_panel/settings.html")]
struct Page {
    layout: Layout,
    form: SettingsForm,
    errors: FieldErrors,
    holiday: HolidayForm,
    holiday_errors: FieldErrors,
    holidays: Vec<(Holiday, String)>,
    rebuild: Option<Progress>,
    records_money: bool,
    currency: String,
    locales: &'static [Locale],
    week_starts: Vec<(&'static str, &'static str)>,
    /// 1 to 12 with each month's name.
    months: Vec<(String, String)>,
    weekdays: Vec<(&'static str, &'static str)>,
}

impl Page {
    fn works_on(&self, day: &str) -> bool {
        self.form.working_days.iter().any(|d| d == day)
    }

    /// Every IANA zone name, for the field's suggestions.
    fn zones(&self) -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name())
    }
}

/// A time-zone change being applied, as the page shows it.
#[derive(Template)]
#[template(path = "control_panel/_rebuild.html")]
struct Progress {
    /// None: finished.
    percent: Option<u8>,
    time_zone: String,
}

impl Progress {
    fn of(rebuild: Option<&RebuildRow>, time_zone: &str) -> Self {
        Self { percent: rebuild.map(RebuildRow::percent), time_zone: time_zone.to_owned() }
    }
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    render(&state, &current, Drafts::default()).await
}

/// What the forms show again after a refusal.
#[derive(Default)]
struct Drafts {
    settings: Option<(SettingsForm, FieldErrors)>,
    holiday: Option<(HolidayForm, FieldErrors)>,
}

pub async fn post(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    crate::web::html_form::HtmlForm(form): crate::web::html_form::HtmlForm<SettingsForm>,
) -> Result<HttpResponse, AppError> {
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| settings::change(cx, actor, &typed)).await {
        Ok(saved) => {
            if saved.rebuilding {
                state.app.wake_rebuilds();
                return Ok(changed(&current, HERE, "cp-settings-saved-rebuilding"));
            }
            Ok(changed(&current, HERE, "cp-settings-saved"))
        }
        Err(error) => {
            let drafts = Drafts { settings: Some((form, refusal(error)?)), ..Drafts::default() };
            render(&state, &current, drafts).await
        }
    }
}

/// `GET /control-panel/account/progress`: the progress region, polled while a rebuild runs.
pub async fn progress(
    req: HttpRequest,
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
) -> Result<HttpResponse, AppError> {
    let rebuild = state.app.run_as(&current.actor, settings::rebuild::progress).await?;
    let region = Progress::of(rebuild.as_ref(), &current.account().time_zone);
    if !is_htmx(&req) {
        return Ok(crate::web::respond::see_other(HERE));
    }
    // 286 tells htmx to stop polling: the rebuild is over.
    let status = if region.percent.is_some() { 200 } else { 286 };
    let status = actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::OK);
    Ok(crate::web::respond::html_body(current.locale, status, region.render_with_values(&current.locale)?))
}

pub async fn add_holiday(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<HolidayForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| holidays::set(cx, actor, &typed)).await {
        Ok(()) => Ok(changed(&current, &format!("{HERE}#holidays"), "cp-holiday-saved")),
        Err(error) => {
            let drafts = Drafts { holiday: Some((form, refusal(error)?)), ..Drafts::default() };
            render(&state, &current, drafts).await
        }
    }
}

pub async fn remove_holiday(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<NaiveDate>,
) -> Result<HttpResponse, AppError> {
    let day = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| holidays::remove(cx, actor, day)).await?;
    Ok(changed(&current, &format!("{HERE}#holidays"), "cp-holiday-removed"))
}

async fn render(state: &AppState, current: &CurrentUser, drafts: Drafts) -> Result<HttpResponse, AppError> {
    let SettingsPage { account, holidays, rebuild, records_money } =
        state.app.run_as(&current.actor, settings::page).await?;
    let locale = current.locale;
    let (form, errors) = drafts.settings.unwrap_or_else(|| (SettingsForm::of(&account), FieldErrors::new()));
    let (holiday, holiday_errors) = drafts.holiday.unwrap_or_default();
    let status = form_status(&errors).max(form_status(&holiday_errors));
    let page = Page {
        layout: Layout::signed_in("cp-settings-title", current, "/control-panel"),
        rebuild: rebuild.as_ref().map(|r| Progress::of(Some(r), &r.time_zone)),
        holidays: holidays.into_iter().map(|h| (h.clone(), crate::i18n::date(locale, h.day))).collect(),
        records_money,
        currency: account.currency.clone(),
        locales: Locale::ALL,
        week_starts: WeekStart::ALL.iter().map(|w| (w.as_str(), crate::i18n::weekday_key(w.weekday()))).collect(),
        months: (1..=12).map(|m| (m.to_string(), crate::i18n::month_name(locale, m))).collect(),
        weekdays: WorkingDays::WEEK
            .iter()
            .map(|d| (WorkingDays::short_name(*d), crate::i18n::weekday_key(*d)))
            .collect(),
        form,
        errors,
        holiday,
        holiday_errors,
    };
    html(locale, status, &page)
}
