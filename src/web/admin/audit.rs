//! The audit log: who changed edition, licences, roles, activation, objectives and
//! targets, when, from what to what.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use askama::Template;
use serde::Deserialize;

use crate::store::audit::{self, Line};
use crate::web::current_user::RequireAdmin;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

const PAGE_SIZE: i64 = 50;

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: Layout,
    lines: Vec<(String, Line)>,
    page: i64,
    has_next: bool,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

pub async fn get(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    query: Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let page = query.page.unwrap_or(1).max(1);
    let account = current.account.id;
    let mut lines =
        with_conn(&state.pool, move |conn| Ok(audit::list(conn, account, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)?))
            .await?;
    let has_next = lines.len() as i64 > PAGE_SIZE;
    lines.truncate(PAGE_SIZE as usize);
    let calendar = current.account.calendar();
    let lines = lines
        .into_iter()
        .map(|line| (calendar.local_datetime(line.at.and_utc()).format("%Y-%m-%d %H:%M").to_string(), line))
        .collect();
    html(
        StatusCode::OK,
        &AuditPage { layout: Layout::signed_in("Audit log", &current, "/admin/licences"), lines, page, has_next },
    )
}
