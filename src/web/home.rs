//! The home page: who you are, in which account, and its settings.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

use super::current_user::CurrentUser;
use super::layout::Layout;
use super::respond::html;
use super::{AppError, AppState, with_conn};
use crate::store::teams;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
    role: &'static str,
    edition: &'static str,
    time_zone: String,
    week_start: String,
    currency: String,
    teams: Vec<String>,
}

pub async fn get(state: Data<AppState>, current: CurrentUser) -> Result<HttpResponse, AppError> {
    let (account, user) = (current.account.id, current.user.id);
    let teams = with_conn(&state.pool, move |conn| Ok(teams::names_of_user(conn, account, user)?)).await?;
    let page = HomePage {
        layout: Layout::signed_in("Home", &current, "/"),
        name: current.user.name.clone(),
        role: current.role().label(),
        edition: current.account.edition().label(),
        time_zone: current.account.time_zone.clone(),
        week_start: current.account.week_start().to_string(),
        currency: current.account.currency.clone(),
        teams,
    };
    html(StatusCode::OK, &page)
}
