//! Builds the application: database pool, password hasher, routes and middleware, bound to
//! its own listener (port 0 in tests picks a free one).

use std::net::TcpListener;

use actix_session::SessionMiddleware;
use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_web::cookie::SameSite;
use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::dev::Server;
use actix_web::middleware::{Compress, Logger, from_fn};
use actix_web::{App, HttpServer, web};

use tokio::sync::Semaphore;

use crate::app::App as UseCases;
use crate::config::Config;
use crate::db::{self, Pool};
use crate::password::Passwords;
use crate::web::{AppState, refuse_nul_bytes, render_errors, require_csrf_token, security_headers};

pub const SESSION_COOKIE: &str = "so_session";

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Connects to and migrates the database, then binds. Must run inside an actix runtime.
    pub fn build(config: Config) -> anyhow::Result<Self> {
        let pool = db::connect(&config.database_url, &config.pool)?;
        Self::build_with_pool(config, pool)
    }

    pub fn build_with_pool(config: Config, pool: Pool) -> anyhow::Result<Self> {
        let passwords = Passwords::new(config.password_cost)?;
        let listener =
            TcpListener::bind(config.bind).map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
        let port = listener.local_addr()?.port();
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let app = UseCases::new(pool, passwords);
        if config.rebuilds_in_background {
            tokio::spawn(crate::app::settings::rebuild::work(app.clone()));
        }
        let state = web::Data::new(AppState {
            app,
            regions: Default::default(),
            sessions: config.sessions,
            trusted_proxies: config.trusted_proxies.clone(),
            base_url: config.base_url.clone(),
            api_limits: crate::web::api::RateLimits::new(config.api_rate_limit),
            anonymous_hashing: Semaphore::new(cores),
        });
        let cookie_lifetime = config.sessions.lifetime.num_seconds();
        let server = HttpServer::new(move || {
            let session = SessionMiddleware::builder(CookieSessionStore::default(), config.session_key.clone())
                .cookie_name(SESSION_COOKIE.to_owned())
                .cookie_content_security(CookieContentSecurity::Private)
                .cookie_http_only(true)
                .cookie_same_site(SameSite::Lax)
                .cookie_secure(config.cookie_secure)
                .session_lifecycle(PersistentSession::default().session_ttl(CookieDuration::seconds(cookie_lifetime)))
                .build();
            App::new()
                .app_data(state.clone())
                .configure(crate::web::routes)
                .wrap(from_fn(require_csrf_token))
                .wrap(from_fn(refuse_nul_bytes))
                .wrap(session)
                .wrap(from_fn(render_errors))
                // The path without its query: a form reloaded by GET may carry its token.
                .wrap(
                    Logger::new("%{method}xi %U %s %Dms")
                        .custom_request_replace("method", |req| req.method().to_string()),
                )
                .wrap(security_headers())
                // Pages, fragments and CSV as the browser accepts them (brotli, gzip);
                // static files come compressed already and pass through.
                .wrap(Compress::default())
        })
        .listen(listener)?
        .run();
        Ok(Self { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
