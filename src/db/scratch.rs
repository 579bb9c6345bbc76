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
        let (server, database) = urls_without_tls(server, name);
        let mut admin = PgConnection::establish(&server)?;
        diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
        let url = DatabaseUrl::parse(&database).map_err(anyhow::Error::msg)?;
        Ok((url, Scratch::Postgres { server, name: name.to_owned() }))
    }

    /// A new SQLite file, in a temporary directory whose name starts with `prefix`.
    pub fn sqlite(prefix: &str) -> anyhow::Result<(DatabaseUrl, Scratch)> {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
        let url = DatabaseUrl::parse(&dir.path().join("scratch.db").to_string_lossy()).map_err(anyhow::Error::msg)?;
        Ok((url, Scratch::Sqlite { _dir: dir }))
    }
}

/// The server's URL and the scratch database's, both without TLS unless `server` asks for
/// it. libpq's OpenSSL tears itself down when the process exits while a pool's threads may
/// still be connecting (a finished test's server winding down), which crashes a suite whose
/// every test passed; a scratch database lives on a server the suite itself names.
fn urls_without_tls(server: &str, name: &str) -> (String, String) {
    let (path, query) = server.split_once('?').unwrap_or((server, ""));
    let query = match query {
        "" => "sslmode=disable".to_owned(),
        query if query.split('&').any(|pair| pair.starts_with("sslmode=")) => query.to_owned(),
        query => format!("{query}&sslmode=disable"),
    };
    let base = path.rsplit_once('/').map_or(path, |(base, _)| base);
    (format!("{path}?{query}"), format!("{base}/{name}?{query}"))
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Scratch::Postgres { server, name } = self {
            // FORCE ends the connections a server or a pool still holds, but not a
            // superuser's: an autovacuum worker on the database makes one attempt fail.
            for attempt in 0..20 {
                let dropped = PgConnection::establish(server).ok().is_some_and(|mut admin| {
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut admin)
                        .is_ok()
                });
                if dropped {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(50 << attempt.min(4)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::urls_without_tls;

    #[test]
    fn scratch_urls_name_the_new_database_and_turn_tls_off_unless_asked() {
        assert_eq!(
            urls_without_tls("postgres://u:p@h:5432/postgres", "so_x"),
            (
                "postgres://u:p@h:5432/postgres?sslmode=disable".to_owned(),
                "postgres://u:p@h:5432/so_x?sslmode=disable".to_owned()
            )
        );
        assert_eq!(
            urls_without_tls("postgres://h/postgres?connect_timeout=5", "so_x").1,
            "postgres://h/so_x?connect_timeout=5&sslmode=disable"
        );
        assert_eq!(
            urls_without_tls("postgres://h/postgres?sslmode=require", "so_x").1,
            "postgres://h/so_x?sslmode=require"
        );
    }
}
