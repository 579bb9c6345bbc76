use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend `conn` speaks to.
    pub fn of(conn: &AnyConnection) -> Backend {
        match conn {
            AnyConnection::Sqlite(_) => Backend::Sqlite,
            AnyConnection::Pg(_) => Backend::Postgres,
        }
    }
}

/// A parsed `DATABASE_URL`. We choose the backend from the scheme ourselves:
/// `MultiConnection::establish` would try SQLite on any string that PostgreSQL refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    url: String,
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err("DATABASE_URL is empty".into());
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self { backend: Backend::Postgres, url: raw.to_owned() });
        }
        let path = raw.strip_prefix("sqlite://").unwrap_or(raw);
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(format!(
                "DATABASE_URL scheme `{scheme}://` is not supported: use postgres://, postgresql:// or a SQLite file path"
            ));
        }
        if path == ":memory:" {
            // Each pooled connection would get its own empty database.
            return Err("DATABASE_URL `:memory:` cannot be pooled: use a SQLite file path".into());
        }
        Ok(Self { backend: Backend::Sqlite, url: path.to_owned() })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }
}

/// How a pool is sized and how long its writers wait for one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Connections per server.
    pub size: u32,
    /// The longest a write waits for another writer (an import, say) before it is answered
    /// "busy": SQLite's busy timeout, PostgreSQL's lock timeout.
    pub write_wait: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self { size: 8, write_wait: Duration::from_secs(5) }
    }
}

/// Opens connections of the configured backend, with their per-connection settings.
#[derive(Debug)]
pub struct ConnectionManager {
    url: DatabaseUrl,
    write_wait: Duration,
    /// Lives as long as the pool: the SQLite checkpointer stops when it is gone.
    _alive: std::sync::Arc<()>,
}

impl ManageConnection for ConnectionManager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        let wait = self.write_wait.as_millis();
        let conn = match self.url.backend {
            Backend::Postgres => {
                let mut conn = PgConnection::establish(&self.url.url)?;
                // A row lock held longer than this (an import holding its account's lock)
                // ends the wait with an error the writer answers as "busy".
                conn.batch_execute(&format!("SET lock_timeout = {wait}")).map_err(r2d2::Error::QueryError)?;
                AnyConnection::Pg(conn)
            }
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(&self.url.url)?;
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {wait}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
                     PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;"
                ))
                .map_err(r2d2::Error::QueryError)?;
                AnyConnection::Sqlite(conn)
            }
        };
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        conn.is_broken()
    }
}

pub(super) fn build_pool(url: &DatabaseUrl, settings: &PoolSettings) -> anyhow::Result<Pool> {
    if url.backend == Backend::Sqlite {
        // WAL is a property of the file: set it once, before the pool opens readers.
        let mut conn = SqliteConnection::establish(&url.url).map_err(describe)?;
        conn.batch_execute("PRAGMA journal_mode = WAL;")?;
    }
    super::write::configure_queue_wait(settings.write_wait);
    let alive = std::sync::Arc::new(());
    if url.backend == Backend::Sqlite {
        // The pool's writers leave checkpoints to it.
        super::checkpoint::spawn(&url.url, std::sync::Arc::downgrade(&alive))?;
    }
    let manager = ConnectionManager { url: url.clone(), write_wait: settings.write_wait, _alive: alive };
    // A PostgreSQL connection may have died since it was last used, so it is pinged when
    // taken from the pool; an embedded SQLite file cannot, and the ping was a query per request.
    let pool = r2d2::Pool::builder()
        .max_size(settings.size)
        .connection_timeout(Duration::from_secs(10))
        .test_on_check_out(url.backend == Backend::Postgres)
        .build(manager)?;
    Ok(pool)
}

fn describe(error: ConnectionError) -> anyhow::Error {
    anyhow::anyhow!("cannot open the database: {error}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_schemes_select_postgres() {
        for url in ["postgres://u@h/db", "postgresql://u@h/db"] {
            assert_eq!(DatabaseUrl::parse(url).map(|u| u.backend()), Ok(Backend::Postgres));
        }
    }

    #[test]
    fn a_path_or_sqlite_scheme_selects_sqlite() {
        let url = DatabaseUrl::parse("sqlite://data/app.db").expect("valid");
        assert_eq!((url.backend(), url.as_str()), (Backend::Sqlite, "data/app.db"));
        let url = DatabaseUrl::parse("sales-objectives.db").expect("valid");
        assert_eq!(url.backend(), Backend::Sqlite);
    }

    #[test]
    fn unknown_schemes_memory_and_empty_urls_are_refused() {
        for url in ["mysql://u@h/db", ":memory:", "  ", "http://x"] {
            assert!(DatabaseUrl::parse(url).is_err(), "{url} should be refused");
        }
    }
}
