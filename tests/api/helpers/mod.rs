use actix_web::cookie::Key;
use reqwest::{Response, StatusCode, header};
use scraper::{Html, Selector};

use sales_objectives::config::Config;
use sales_objectives::db::{self, DatabaseUrl, Pool, PoolSettings, Scratch};
use sales_objectives::domain::client::parse_trusted_proxies;
use sales_objectives::domain::session::SessionPolicy;
use sales_objectives::password::{PasswordCost, Passwords};

use sales_objectives::startup::Application;
use sales_objectives::store::users::UserRow;

pub const PASSWORD: &str = "a good password";

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub pool: Pool,
    passwords: Passwords,
    database_url: DatabaseUrl,
    _database: Option<Scratch>,
}

/// Options for `TestApp::spawn_with`.
#[derive(Default)]
pub struct Options {
    pub cookie_secure: bool,
    /// How long a write waits for another writer before it is answered "busy".
    pub write_wait: Option<std::time::Duration>,
    /// Proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`).
    pub trusted_proxies: &'static str,
    /// A server that leaves time-zone rebuilds to someone else (a test that steps them).
    pub no_background_rebuilds: bool,
    /// `BASE_URL`.
    pub base_url: Option<&'static str>,
    /// `API_RATE_LIMIT` (none: high enough never to get in a test's way).
    pub api_rate_limit: Option<u32>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(options: Options) -> TestApp {
        // `TEST_LOG=1 cargo test NAME -- --nocapture` shows the server's logs.
        if std::env::var_os("TEST_LOG").is_some() {
            sales_objectives::telemetry::init();
        }
        let (database_url, scratch) = fresh_database();
        Self::serve(database_url, Some(scratch), options)
    }

    /// A second server on this one's database, as after a restart.
    pub fn restarted(&self, options: Options) -> TestApp {
        Self::serve(self.database_url.clone(), None, options)
    }

    fn serve(database_url: DatabaseUrl, scratch: Option<Scratch>, options: Options) -> TestApp {
        let config_url = database_url.clone();
        let config = Config {
            database_url,
            bind: "127.0.0.1:0".parse().expect("valid address"),
            session_key: Key::generate(),
            cookie_secure: options.cookie_secure,
            password_cost: PasswordCost::TESTING,
            pool: PoolSettings {
                size: 4,
                write_wait: options.write_wait.unwrap_or(PoolSettings::default().write_wait),
            },
            sessions: SessionPolicy::default(),
            trusted_proxies: parse_trusted_proxies(options.trusted_proxies).expect("valid proxies"),
            base_url: options.base_url.map(str::to_owned),
            rebuilds_in_background: !options.no_background_rebuilds,
            api_rate_limit: options.api_rate_limit.unwrap_or(1_000),
        };
        let pool = db::connect(&config.database_url, &config.pool).expect("database ready");
        let app = Application::build_with_pool(config, pool.clone()).expect("application built");
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address,
            client: new_client(),
            pool,
            passwords: Passwords::new(PasswordCost::TESTING).expect("valid cost"),
            database_url: config_url,
            _database: scratch,
        }
    }

    pub fn conn(&self) -> db::PooledConnection {
        self.pool.get().expect("a database connection")
    }

    /// Another browser on the same application and database, to use alongside this one.
    pub fn another_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            client: new_client(),
            pool: self.pool.clone(),
            passwords: self.passwords.clone(),
            database_url: self.database_url.clone(),
            _database: None,
        }
    }

    /// A second browser on the same application: its own cookies.
    pub fn new_browser(&mut self) {
        self.client = new_client();
    }

    /// The SQLite database's file.
    pub fn database_path(&self) -> String {
        self.database_url.as_str().to_owned()
    }

    /// Whether the tests run on PostgreSQL.
    pub fn on_postgres(&self) -> bool {
        matches!(&*self.conn(), db::AnyConnection::Pg(_))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    /// A GET sent with these headers, by this browser.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("request sent")
    }

    pub async fn get_htmx(&self, path: &str) -> Response {
        self.client.get(self.url(path)).header("HX-Request", "true").send().await.expect("request sent")
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client.post(self.url(path)).form(fields).send().await.expect("request sent")
    }

    /// The CSRF token of this browser's session, read from a page's form.
    pub async fn csrf_token(&self, page: &str) -> String {
        let html = self.get(page).await.text().await.expect("page body");
        input_value(&html, "csrf_token").expect("the page carries a CSRF token")
    }

    /// Posts the sign-in form as a person would: load the page, then submit it.
    pub async fn login(&self, email: &str, password: &str) -> Response {
        let token = self.csrf_token("/login").await;
        self.post_form("/login", &[("email", email), ("password", password), ("csrf_token", &token)]).await
    }

    pub async fn login_as(&self, user: &UserRow) {
        let response = self.login(&user.email, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in of {} failed", user.email);
    }

    pub async fn logout(&self) -> Response {
        let token = self.csrf_token("/").await;
        self.post_form("/logout", &[("csrf_token", &token)]).await
    }

    /// Posts a form with this browser's CSRF token, as the page's own form would.
    pub async fn submit(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf_token("/").await;
        let mut fields = fields.to_vec();
        fields.push(("csrf_token", &token));
        self.post_form(path, &fields).await
    }
}

fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

/// A new empty database, removed when the test ends: a PostgreSQL database named for this
/// test when `TEST_DATABASE_URL` is set, else a SQLite file in a temporary directory.
pub fn fresh_database() -> (DatabaseUrl, Scratch) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) => {
            let mut bytes = [0u8; 8];
            getrandom::fill(&mut bytes).expect("random bytes");
            Scratch::postgres(&server, &format!("so_test_{}", hex::encode(bytes))).expect("TEST_DATABASE_URL answers")
        }
        Err(_) => Scratch::sqlite("so-test-").expect("temporary database"),
    }
}

/// The value of the first `<input name=...>` in `html`.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(&format!("input[name=\"{name}\"]")).expect("valid selector");
    Html::parse_document(html).select(&selector).next().and_then(|input| input.value().attr("value").map(str::to_owned))
}

/// The trimmed texts of every element matching `css`.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("valid selector");
    Html::parse_document(html)
        .select(&selector)
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

pub fn location(response: &Response) -> &str {
    response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

/// The session cookie's value set by `response`, if any.
pub fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("so_session="))
        .map(str::to_owned)
}

mod accounts;
#[allow(dead_code)]
mod api;
mod database;
mod objectives;
mod recording;
mod use_cases;

// The browser tests share these helpers and use fewer of them.
#[allow(unused_imports)]
pub use accounts::Acme;
#[allow(unused_imports)]
pub use api::{Answer, Api, one_created_the_others_updated};
#[allow(unused_imports)]
pub use objectives::ObjectiveBuilder;
