//! The home page: who you are, in which account, and its settings.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

use super::current_user::CurrentUser;
use super::layout::Layout;
use super::respond::html;
use super::{AppError, AppState};
use crate::app::admin::teams;
use crate::domain::account::Locale;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
    /// The catalogue key of the role's name.
    role: &'static str,
    edition: &'static str,
    time_zone: String,
    week_start: String,
    currency: String,
    teams: Vec<String>,
}

pub async fn get(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let teams = state.app.run_as(&current.actor, teams::names_of).await?;
    let account = current.account();
    let page = HomePage {
        layout: Layout::signed_in("menu-home", &current, "/"),
        name: current.name.clone(),
        role: current.role().label_key(),
        edition: account.edition.label(),
        time_zone: account.time_zone.to_string(),
        week_start: day_name(current.locale, account.week_start.weekday()),
        currency: account.currency.clone(),
        teams,
    };
    html(current.locale, StatusCode::OK, &page)
}

/// `Monday`, `lunedì`.
fn day_name(locale: Locale, day: chrono::Weekday) -> String {
    let language = match locale {
        Locale::En => chrono::Locale::en_GB,
        Locale::It => chrono::Locale::it_IT,
    };
    // Any date falling on that day will do.
    chrono::NaiveDate::from_isoywd_opt(2026, 1, day)
        .map(|date| date.format_localized("%A", language).to_string())
        .unwrap_or_default()
}
