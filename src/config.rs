//! Settings from the environment, with safe defaults.

use std::net::SocketAddr;

use actix_web::cookie::Key;

use ipnet::IpNet;

use crate::db::{DatabaseUrl, PoolSettings};
use crate::domain::client::parse_trusted_proxies;
use crate::domain::session::SessionPolicy;
use crate::password::PasswordCost;

pub const DEFAULT_DATABASE_URL: &str = "sales-objectives.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
const MIN_SESSION_KEY_BYTES: usize = 64;

#[derive(Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub session_key: Key,
    /// Whether the session cookie is marked Secure (sent over HTTPS only).
    pub cookie_secure: bool,
    pub password_cost: PasswordCost,
    pub pool: PoolSettings,
    /// How long signed-in sessions live: idle and in all.
    pub sessions: SessionPolicy,
    /// The proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<IpNet>,
    /// Where people reach the application (`BASE_URL`, e.g. `https://objectives.example.com`):
    /// the start of every full link it gives out. Unset, a link starts with the address the
    /// request that asked for it came to.
    pub base_url: Option<String>,
    /// Whether this server applies time-zone changes to accounts' history in the
    /// background (and resumes those a restart interrupted).
    pub rebuilds_in_background: bool,
    /// How many requests a second one API token may send (`API_RATE_LIMIT`), in bursts of
    /// as many: beyond, `429` with `Retry-After`.
    pub api_rate_limit: u32,
}

/// Requests a second per API token unless `API_RATE_LIMIT` says otherwise.
pub const DEFAULT_API_RATE_LIMIT: u32 = 100;

impl Config {
    /// Reads `DATABASE_URL`, `BIND`, `SESSION_KEY`, `COOKIE_SECURE`, `DB_POOL_SIZE`,
    /// `WRITE_WAIT_MS`, `SESSION_IDLE_MINUTES`, `SESSION_LIFETIME_HOURS`, `TRUSTED_PROXIES`
    /// `BASE_URL` and `API_RATE_LIMIT`;
    /// `bind` (from the command line) wins over `BIND`.
    pub fn from_env(bind: Option<&str>) -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let database_url = database_url_from_env()?;
        let bind_text = bind.map(str::to_owned).or_else(|| var("BIND")).unwrap_or_else(|| DEFAULT_BIND.to_owned());
        let bind: SocketAddr = bind_text
            .parse()
            .map_err(|_| anyhow::anyhow!("bind address `{bind_text}` is not of the form 127.0.0.1:8080"))?;
        let session_key = match var("SESSION_KEY") {
            Some(key) => session_key(&key)?,
            None => {
                tracing::warn!(
                    "SESSION_KEY is not set: using a random key, so sessions end when the server restarts \
                     and cannot be shared between servers"
                );
                Key::generate()
            }
        };
        let cookie_secure = match var("COOKIE_SECURE") {
            Some(value) => parse_bool("COOKIE_SECURE", &value)?,
            // Plain http on a loopback address is the out-of-the-box local run.
            None => !bind.ip().is_loopback(),
        };
        let mut pool = PoolSettings::default();
        if let Some(value) = var("DB_POOL_SIZE") {
            pool.size = u32::try_from(positive("DB_POOL_SIZE", &value)?)?;
        }
        if let Some(value) = var("WRITE_WAIT_MS") {
            pool.write_wait = std::time::Duration::from_millis(positive("WRITE_WAIT_MS", &value)?);
        }
        let mut sessions = SessionPolicy::default();
        if let Some(value) = var("SESSION_IDLE_MINUTES") {
            sessions.idle = chrono::Duration::minutes(i64::try_from(positive("SESSION_IDLE_MINUTES", &value)?)?);
        }
        if let Some(value) = var("SESSION_LIFETIME_HOURS") {
            sessions.lifetime = chrono::Duration::hours(i64::try_from(positive("SESSION_LIFETIME_HOURS", &value)?)?);
        }
        let trusted_proxies =
            parse_trusted_proxies(&var("TRUSTED_PROXIES").unwrap_or_default()).map_err(anyhow::Error::msg)?;
        let base_url = var("BASE_URL").map(|url| base_url(&url)).transpose()?;
        let api_rate_limit = match var("API_RATE_LIMIT") {
            Some(value) => u32::try_from(positive("API_RATE_LIMIT", &value)?)?,
            None => DEFAULT_API_RATE_LIMIT,
        };
        Ok(Self {
            database_url,
            bind,
            session_key,
            cookie_secure,
            password_cost: PasswordCost::PRODUCTION,
            pool,
            sessions,
            trusted_proxies,
            base_url,
            rebuilds_in_background: true,
            api_rate_limit,
        })
    }
}

/// `DATABASE_URL`, or the SQLite file in the working directory.
pub fn database_url_from_env() -> anyhow::Result<DatabaseUrl> {
    let raw = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned());
    DatabaseUrl::parse(&raw).map_err(anyhow::Error::msg)
}

/// A signing and encryption key from at least 64 bytes of secret.
pub fn session_key(secret: &str) -> anyhow::Result<Key> {
    if secret.len() < MIN_SESSION_KEY_BYTES {
        anyhow::bail!("SESSION_KEY must be at least {MIN_SESSION_KEY_BYTES} bytes long");
    }
    Ok(Key::from(secret.as_bytes()))
}

/// An `http` or `https` origin, optionally with a path, without its trailing slash.
fn base_url(raw: &str) -> anyhow::Result<String> {
    let url = raw.trim().trim_end_matches('/');
    let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or_default();
    if host.is_empty() || host.starts_with('/') || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        anyhow::bail!("BASE_URL must be an address such as https://objectives.example.com");
    }
    Ok(url.to_owned())
}

fn positive(name: &str, value: &str) -> anyhow::Result<u64> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|n| *n > 0 && *n <= u64::from(u32::MAX))
        .ok_or_else(|| anyhow::anyhow!("{name} must be a positive whole number"))
}

fn parse_bool(name: &str, value: &str) -> anyhow::Result<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => anyhow::bail!("{name} must be true or false"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_session_keys_are_refused() {
        assert!(session_key(&"k".repeat(63)).is_err());
        assert!(session_key(&"k".repeat(64)).is_ok());
    }

    #[test]
    fn a_base_url_is_an_http_address_kept_without_its_trailing_slash() {
        assert_eq!(
            base_url(" https://objectives.example.com/ ").ok().as_deref(),
            Some("https://objectives.example.com")
        );
        assert_eq!(base_url("http://10.0.0.5:8080/so").ok().as_deref(), Some("http://10.0.0.5:8080/so"));
        for bad in ["objectives.example.com", "https://", "ftp://x", "https:///path", "https://a b"] {
            assert!(base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn booleans_read_the_usual_spellings() {
        assert!(parse_bool("X", "TRUE").expect("valid"));
        assert!(!parse_bool("X", "off").expect("valid"));
        assert!(parse_bool("X", "maybe").is_err());
    }
}
