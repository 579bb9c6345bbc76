//! The HTTP side: sessions, CSRF, the signed-in user, error pages, and one module per area
//! of the menu. Handlers stay thin: they parse, call one use case (`app`), render a template.

mod activities;
mod admin;
pub mod api;
pub mod assets;
mod client;
mod confirmation;
mod control_panel;
mod csrf;
mod current_user;
mod error;
mod error_page;
mod headers;
mod health;
mod home;
mod html_form;
pub mod i18n;
mod input;
mod layout;
mod lead_deletion;
mod lead_page;
mod leads;
mod login;
mod me_account;
mod password_link;
mod prospect_page;
mod prospects;
mod respond;
mod session;
mod statistics;
mod subject_page;

use actix_web::web;

pub use csrf::require_csrf_token;
pub use error::AppError;
pub use error_page::render_errors;
pub use headers::security_headers;
pub use input::refuse_nul_bytes;

use ipnet::IpNet;
use tokio::sync::Semaphore;

use crate::app::App;
use crate::domain::session::SessionPolicy;

/// What every handler can reach.
pub struct AppState {
    /// The use cases.
    pub app: App,
    /// The statistics dashboards rendered lately.
    pub regions: statistics::cache::Regions,
    /// How long signed-in sessions live.
    pub sessions: SessionPolicy,
    /// The proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpNet>,
    /// Where people reach the application, for full links (`BASE_URL`).
    pub base_url: Option<String>,
    /// Each API token's request rate.
    pub api_limits: api::RateLimits,
    /// The password checks that requests without a session may run at once: a burst of
    /// sign-ins waits here, briefly, instead of taking every core and thread.
    pub anonymous_hashing: Semaphore,
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    api::routes(cfg);
    cfg.route("/healthz", web::get().to(health::get))
        .route("/static/{file:.*}", web::get().to(assets::get))
        .route("/login", web::get().to(login::form))
        .route("/login", web::post().to(login::submit))
        .route("/login/account", web::get().to(login::choose))
        .route("/login/account", web::post().to(login::chosen))
        .route("/logout", web::post().to(login::logout))
        .route("/", web::get().to(home::get))
        .route("/activities", web::get().to(activities::list))
        .route("/activities", web::post().to(activities::create))
        .route("/activities/new", web::get().to(activities::new))
        .route("/activities/new", web::post().to(activities::new))
        .route("/activities/subjects", web::get().to(activities::subjects))
        .route("/activities/{id}/delete", web::get().to(activities::confirm_delete))
        .route("/activities/{id}/delete", web::post().to(activities::delete))
        .route("/activities/{id}/restore", web::post().to(activities::restore))
        .route("/leads", web::get().to(leads::list))
        .route("/leads.csv", web::get().to(leads::csv))
        .route("/leads", web::post().to(leads::create))
        .route("/leads/new", web::get().to(leads::new))
        .route("/leads/{id}/edit", web::get().to(leads::edit))
        .route("/leads/{id}", web::get().to(lead_page::show))
        .route("/leads/{id}", web::post().to(leads::update))
        .route("/leads/{id}/activities", web::post().to(lead_page::log))
        .route("/leads/{id}/win", web::post().to(lead_page::win))
        .route("/leads/{id}/delete", web::get().to(lead_deletion::confirm))
        .route("/leads/{id}/delete", web::post().to(leads::delete))
        .route("/prospects", web::get().to(prospects::list))
        .route("/prospects", web::post().to(prospects::create))
        .route("/prospects/new", web::get().to(prospects::new))
        .route("/prospects/{id}/edit", web::get().to(prospects::edit))
        .route("/prospects/{id}", web::get().to(prospect_page::show))
        .route("/prospects/{id}", web::post().to(prospects::update))
        .route("/prospects/{id}/activities", web::post().to(prospect_page::log))
        .route("/prospects/{id}/delete", web::get().to(prospects::confirm_delete))
        .route("/prospects/{id}/delete", web::post().to(prospects::delete))
        .route("/prospects/{id}/convert", web::post().to(prospects::convert))
        .route("/statistics/sales-objectives", web::get().to(statistics::dashboard::page))
        .route("/statistics/sales-objectives.csv", web::get().to(statistics::export::csv))
        .route("/statistics/sales-objectives/{id}", web::get().to(statistics::detail::page))
        .route("/me/objectives", web::get().to(statistics::me::page))
        .route("/control-panel", web::get().to(control_panel::get))
        .route("/control-panel/account", web::get().to(control_panel::settings::get))
        .route("/control-panel/account", web::post().to(control_panel::settings::post))
        .route("/control-panel/account/progress", web::get().to(control_panel::settings::progress))
        .route("/control-panel/account/holidays", web::post().to(control_panel::settings::add_holiday))
        .route("/control-panel/account/holidays/{day}/delete", web::post().to(control_panel::settings::remove_holiday))
        .route("/control-panel/actions", web::get().to(control_panel::actions::get))
        .route("/control-panel/actions", web::post().to(control_panel::actions::add_action))
        .route("/control-panel/actions/{id}/{op}", web::post().to(control_panel::actions::change_action))
        .route("/control-panel/results/{id}/{op}", web::post().to(control_panel::actions::change_outcome))
        .route("/control-panel/import", web::get().to(control_panel::import::get))
        .route("/control-panel/import/{what}", web::post().to(control_panel::import::post))
        .route("/control-panel/sales-objectives", web::get().to(control_panel::objectives::list))
        .route("/control-panel/sales-objectives", web::post().to(control_panel::objectives::create))
        .route("/control-panel/sales-objectives/new", web::get().to(control_panel::objectives::new))
        .route("/control-panel/sales-objectives/new", web::post().to(control_panel::objectives::new))
        .route("/control-panel/sales-objectives/{id}", web::get().to(control_panel::objectives::show))
        .route("/control-panel/sales-objectives/{id}", web::post().to(control_panel::objectives::update))
        .route("/control-panel/sales-objectives/{id}/edit", web::get().to(control_panel::objectives::edit))
        .route("/control-panel/sales-objectives/{id}/edit", web::post().to(control_panel::objectives::edit))
        .route("/control-panel/sales-objectives/{id}/assignments", web::post().to(control_panel::objectives::assign))
        .route("/control-panel/sales-objectives/{id}/teams", web::post().to(control_panel::objectives::assign_team))
        .route(
            "/control-panel/sales-objectives/{id}/teams/{team_id}",
            web::get().to(control_panel::objectives::team_targets),
        )
        .route(
            "/control-panel/sales-objectives/{id}/teams/{team_id}",
            web::post().to(control_panel::objectives::save_team_targets),
        )
        .route(
            "/control-panel/sales-objectives/{id}/teams/{team_id}/delete",
            web::get().to(control_panel::objectives::confirm_remove_team),
        )
        .route(
            "/control-panel/sales-objectives/{id}/teams/{team_id}/delete",
            web::post().to(control_panel::objectives::remove_team),
        )
        .route("/control-panel/sales-objectives/{id}/targets", web::get().to(control_panel::objectives::plan))
        .route("/control-panel/sales-objectives/{id}/targets", web::post().to(control_panel::objectives::save_plan))
        .route(
            "/control-panel/sales-objectives/{id}/targets.csv",
            web::get().to(control_panel::objectives::export_plan),
        )
        .route(
            "/control-panel/sales-objectives/{id}/targets/fill",
            web::post().to(control_panel::objectives::fill_plan),
        )
        .route(
            "/control-panel/sales-objectives/{id}/targets/seasonality",
            web::post().to(control_panel::objectives::save_seasonality),
        )
        .route(
            "/control-panel/sales-objectives/{id}/targets/import",
            web::post().to(control_panel::objectives::import_plan),
        )
        .route(
            "/control-panel/sales-objectives/{id}/assignments/{user_id}",
            web::get().to(control_panel::objectives::holder_targets),
        )
        .route(
            "/control-panel/sales-objectives/{id}/assignments/{user_id}",
            web::post().to(control_panel::objectives::save_holder_targets),
        )
        .route(
            "/control-panel/sales-objectives/{id}/assignments/{user_id}/delete",
            web::get().to(control_panel::objectives::confirm_unassign),
        )
        .route(
            "/control-panel/sales-objectives/{id}/assignments/{user_id}/delete",
            web::post().to(control_panel::objectives::unassign),
        )
        .route(
            "/control-panel/sales-objectives/{id}/archive",
            web::get().to(control_panel::objectives::confirm_archive),
        )
        .route("/control-panel/sales-objectives/{id}/{op}", web::post().to(control_panel::objectives::archive))
        .route("/control-panel/api-tokens", web::get().to(control_panel::api_tokens::get))
        .route("/control-panel/api-tokens", web::post().to(control_panel::api_tokens::create))
        .route("/control-panel/api-tokens/{id}/revoke", web::get().to(control_panel::api_tokens::confirm_revoke))
        .route("/control-panel/api-tokens/{id}/revoke", web::post().to(control_panel::api_tokens::revoke))
        .route("/control-panel/pipelines", web::get().to(control_panel::pipelines::get))
        .route("/control-panel/pipelines", web::post().to(control_panel::pipelines::create))
        .route("/control-panel/pipelines/{id}", web::post().to(control_panel::pipelines::rename))
        .route("/admin/licences", web::get().to(admin::licences::get))
        .route("/admin/licences", web::post().to(admin::licences::post))
        .route("/admin/licences/review", web::get().to(admin::licences::review))
        .route("/admin/users", web::get().to(admin::users::get))
        .route("/admin/users", web::post().to(admin::users::create))
        .route("/admin/users/transfer", web::post().to(admin::users::transfer))
        .route("/admin/users/{id}/deactivate", web::get().to(admin::users::confirm_deactivate))
        .route("/admin/users/{id}/{op}", web::post().to(admin::users::change))
        .route("/admin/teams", web::get().to(admin::teams::get))
        .route("/admin/teams", web::post().to(admin::teams::create))
        .route("/admin/teams/{id}/members/{user_id}/{op}", web::post().to(admin::teams::change_member))
        .route("/admin/teams/{id}/{op}", web::post().to(admin::teams::change))
        .route("/admin/audit", web::get().to(admin::audit::get))
        .route("/me/account", web::get().to(me_account::get))
        .route("/me/account", web::post().to(me_account::post))
        .route("/set-password", web::get().to(password_link::get))
        .route("/set-password", web::post().to(password_link::post))
        .default_service(web::to(not_found));
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}
