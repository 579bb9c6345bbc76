//! Throwaway databases, for the test suite and the benchmark: each is removed when its
//! `Scratch` is dropped (even when a test fails), so that runs do not pile up databases on a
//! PostgreSQL server or files in the temporary directory.

use diesel::{Connection, PgConnection, RunQueryDsl};
use tempfile::TempDir;

use super::DatabaseUrl;

pub enum Scratch {
    Sqlite { _dir: TempDir },
    Postgres { server: String, name: String },
}

impl Scratch {
    /// A new empty database `name` on the PostgreSQL server `server` (a URL to a database
    /// from which the user may create others).
    pub fn postgres(server: &str, name: &str) -> anyhow::Result<(DatabaseUrl, Scratch)> {
        let mut admin = PgConnection::establish(server)?;
        diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
        let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
        let url = DatabaseUrl::parse(&format!("{base}/{name}")).map_err(anyhow::Error::msg)?;
        Ok((url, Scratch::Postgres { server: server.to_owned(), name: name.to_owned() }))
    }

    /// A new SQLite file, in a temporary directory whose name starts with `prefix`.
    pub fn sqlite(prefix: &str) -> anyhow::Result<(DatabaseUrl, Scratch)> {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
        let url = DatabaseUrl::parse(&dir.path().join("scratch.db").to_string_lossy()).map_err(anyhow::Error::msg)?;
        Ok((url, Scratch::Sqlite { _dir: dir }))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Scratch::Postgres { server, name } = self {
            // FORCE ends the connections a server or a pool still holds.
            if let Ok(mut admin) = PgConnection::establish(server) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin);
            }
        }
    }
}
