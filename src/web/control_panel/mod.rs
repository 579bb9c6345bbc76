//! Control Panel: the account's settings, its teams, and the Sales Process pages
//! (managers and admins).

pub mod actions;
pub mod import;
pub mod objectives;
pub mod pipelines;

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;
use chrono::Weekday;

use crate::app::admin::teams::{self, Member, Team};
use crate::web::current_user::RequireManager;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState};

#[derive(Template)]
#[template(path = "control_panel/index.html")]
struct ControlPanelPage {
    layout: Layout,
    account_name: String,
    edition: &'static str,
    has_teams: bool,
    may_import: bool,
    time_zone: String,
    /// The catalogue key of the first day of the week.
    week_start: &'static str,
    currency: String,
    /// The account's language, named in itself.
    locale: &'static str,
    locale_code: &'static str,
    teams: Vec<(Team, Vec<Member>)>,
}

pub async fn get(state: Data<AppState>, RequireManager(current): RequireManager) -> Result<HttpResponse, AppError> {
    let teams = state.app.run_as(&current.actor, teams::overview).await?;
    let account = current.account();
    let page = ControlPanelPage {
        layout: Layout::signed_in("cp-title", &current, "/control-panel"),
        account_name: account.name.clone(),
        edition: account.edition.label(),
        has_teams: account.edition.has_teams(),
        may_import: current.role().administers(),
        time_zone: account.time_zone.to_string(),
        week_start: weekday_key(account.week_start.weekday()),
        currency: account.currency.clone(),
        locale: account.locale.label(),
        locale_code: account.locale.as_str(),
        teams,
    };
    html(current.locale, StatusCode::OK, &page)
}

/// The catalogue key of a day's name.
fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "cp-weekday-monday",
        Weekday::Tue => "cp-weekday-tuesday",
        Weekday::Wed => "cp-weekday-wednesday",
        Weekday::Thu => "cp-weekday-thursday",
        Weekday::Fri => "cp-weekday-friday",
        Weekday::Sat => "cp-weekday-saturday",
        Weekday::Sun => "cp-weekday-sunday",
    }
}
