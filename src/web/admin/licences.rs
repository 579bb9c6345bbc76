//! The account's edition, what it includes, its licences and the users holding them.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

use crate::domain::edition::Edition;
use crate::store::{teams, users};
use crate::web::current_user::RequireAdmin;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

pub struct UserLine {
    pub name: String,
    pub email: String,
    pub role: &'static str,
    pub teams: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin/licences.html")]
struct LicencesPage {
    layout: Layout,
    edition: Edition,
    editions: [Edition; 3],
    licences: i32,
    in_use: usize,
    users: Vec<UserLine>,
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let (users, teams) =
        with_conn(&state.pool, move |conn| Ok((users::list(conn, account)?, teams::list_with_members(conn, account)?)))
            .await?;
    let users: Vec<UserLine> = users
        .into_iter()
        .map(|user| {
            let names: Vec<&str> = teams
                .iter()
                .filter(|(_, members)| members.iter().any(|m| m.user_id == user.id))
                .map(|(team, _)| team.name.as_str())
                .collect();
            UserLine {
                role: user.role().label(),
                teams: names.join(", "),
                active: user.active,
                name: user.name,
                email: user.email,
            }
        })
        .collect();
    let page = LicencesPage {
        layout: Layout::signed_in("Edition & licences", &current, "/admin/licences"),
        edition: current.account.edition(),
        editions: Edition::ALL,
        licences: current.account.licences,
        in_use: users.iter().filter(|u| u.active).count(),
        users,
    };
    html(StatusCode::OK, &page)
}
