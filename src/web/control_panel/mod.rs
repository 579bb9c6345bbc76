//! Control Panel: the account's settings, its teams, and the Sales Process pages
//! (managers and admins).

pub mod actions;
pub mod api_tokens;
pub mod import;
pub mod objectives;
pub mod pipelines;
pub mod settings;

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

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
    /// The month's name.
    fiscal_year_start: String,
    /// The catalogue keys of the working days' names.
    working_days: Vec<&'static str>,
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
        week_start: crate::i18n::weekday_key(account.week_start.weekday()),
        currency: account.currency.clone(),
        locale: account.locale.label(),
        locale_code: account.locale.as_str(),
        fiscal_year_start: crate::i18n::month_name(
            current.locale,
            u32::try_from(account.fiscal_year_start).unwrap_or(1),
        ),
        working_days: account.working_days.days().into_iter().map(crate::i18n::weekday_key).collect(),
        teams,
    };
    html(current.locale, StatusCode::OK, &page)
}
