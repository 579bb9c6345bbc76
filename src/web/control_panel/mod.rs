//! Control Panel: the account's settings, its teams, and the Sales Process pages
//! (managers and admins).

pub mod actions;
pub mod import;
pub mod objectives;
pub mod pipelines;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

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
    week_start: String,
    currency: String,
    locale: &'static str,
    teams: Vec<(TeamRow, Vec<Member>)>,
}

pub async fn get(state: Data<AppState>, RequireManager(current): RequireManager) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let teams = with_conn(&state.pool, move |conn| Ok(teams::list_with_members(conn, account)?)).await?;
    let edition = current.account.edition();
    let page = ControlPanelPage {
        layout: Layout::signed_in("Control Panel", &current, "/control-panel"),
        account_name: current.account.name.clone(),
        edition: edition.label(),
        has_teams: edition.has_teams(),
        may_import: current.role().administers(),
        time_zone: current.account.time_zone.clone(),
        week_start: current.account.week_start().to_string(),
        currency: current.account.currency.clone(),
        locale: current.account.locale().label(),
        teams,
    };
    html(StatusCode::OK, &page)
}
