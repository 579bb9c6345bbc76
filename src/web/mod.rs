//! The HTTP side: sessions, CSRF, the signed-in user, error pages, and one module per area
//! of the menu. Handlers stay thin: they parse, call domain/store, render a template.

mod admin;
pub mod assets;
mod blocking;
mod control_panel;
mod csrf;
mod current_user;
mod error;
mod headers;
mod health;
mod home;
mod layout;
mod login;
mod respond;
mod session;

use actix_web::web;

pub use blocking::with_conn;
pub use csrf::require_csrf_token;
pub use error::{AppError, render_errors};
pub use headers::security_headers;

use crate::db::Pool;
use crate::password::Passwords;

/// How long a signed-in session lasts, for the cookie's lifetime.
pub fn session_max_age_seconds() -> i64 {
    session::max_age().num_seconds()
}

/// What every handler can reach.
pub struct AppState {
    pub pool: Pool,
    pub passwords: Passwords,
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::get))
        .route("/static/{file:.*}", web::get().to(assets::get))
        .route("/login", web::get().to(login::form))
        .route("/login", web::post().to(login::submit))
        .route("/logout", web::post().to(login::logout))
        .route("/", web::get().to(home::get))
        .route("/control-panel", web::get().to(control_panel::get))
        .route("/admin/licences", web::get().to(admin::licences::get))
        .default_service(web::to(not_found));
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}
