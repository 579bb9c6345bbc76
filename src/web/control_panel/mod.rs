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

use crate::store::teams::{self, Member, TeamRow};
use crate::web::current_user::RequireManager;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

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
    teams: Vec<(TeamRow, Vec<Member>)>,
}

pub async fn get(state: Data<AppState>, RequireManager(current): RequireManager) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let teams = with_conn(&state.pool, move |conn| Ok(teams::list_with_members(conn, account)?)).await?;
    let edition = current.account.edition();
    let page = ControlPanelPage {
        layout: Layout::signed_in("cp-title", &current, "/control-panel"),
        account_name: current.account.name.clone(),
        edition: edition.label(),
        has_teams: edition.has_teams(),
        may_import: current.role().administers(),
        time_zone: current.account.time_zone.clone(),
        week_start: weekday_key(current.account.week_start().weekday()),
        currency: current.account.currency.clone(),
        locale: current.account.locale().label(),
        locale_code: current.account.locale().as_str(),
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
