//! The database: one code path for SQLite and PostgreSQL through a diesel
//! `MultiConnection`, an r2d2 pool, embedded migrations and the write-transaction helper.

mod connection;
mod migrations;
pub mod schema;
mod scratch;

pub use connection::{AnyConnection, Backend, DatabaseUrl, Pool, PooledConnection};
pub use scratch::Scratch;

/// The backend type of `AnyConnection`, for queries built by hand.
pub type AnyBackend = <AnyConnection as diesel::Connection>::Backend;
pub use migrations::run_migrations;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::result::Error as DieselError;
use diesel::{QueryResult, RunQueryDsl};

/// Builds the pool for `url` and brings the schema up to date.
pub fn connect(url: &DatabaseUrl, max_size: u32) -> anyhow::Result<Pool> {
    let pool = connection::build_pool(url, max_size)?;
    let mut conn = pool.get()?;
    run_migrations(&mut conn)?;
    Ok(pool)
}

/// The id of the row this connection inserted last (MultiConnection has no RETURNING).
pub fn last_insert_id(conn: &mut AnyConnection) -> QueryResult<i64> {
    let function = match conn {
        AnyConnection::Sqlite(_) => "last_insert_rowid()",
        AnyConnection::Pg(_) => "lastval()",
    };
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(function)).get_result(conn)
}

/// The one SQLite writer of this process at a time.
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` in a write transaction. On SQLite it begins IMMEDIATE, so the write lock is
/// taken up front: a deferred read-then-write transaction fails with SQLITE_BUSY under
/// concurrent writers instead of waiting for its turn.
pub fn write_transaction<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<DieselError>,
{
    let AnyConnection::Sqlite(sqlite) = conn else {
        return diesel::Connection::transaction(conn, f);
    };
    let nested = AnsiTransactionManager::transaction_manager_status_mut(sqlite).transaction_depth()?.is_some();
    if nested {
        // The outer transaction already holds the write lock: a savepoint is enough.
        return diesel::Connection::transaction(conn, f);
    }
    // Writers of this process queue here, each woken the moment the previous one commits;
    // left to SQLite, they would poll the lock with growing sleeps (up to 100 ms each).
    // Other processes (the command line) still meet SQLite's busy timeout.
    let _turn = SQLITE_WRITER.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    match f(conn) {
        Ok(value) => {
            if let AnyConnection::Sqlite(sqlite) = conn {
                AnsiTransactionManager::commit_transaction(sqlite)?;
            }
            Ok(value)
        }
        Err(error) => {
            if let AnyConnection::Sqlite(sqlite) = conn {
                // The caller's error matters more than a failed rollback, which diesel
                // records on the connection (r2d2 then discards it as broken).
                let _ = AnsiTransactionManager::rollback_transaction(sqlite);
            }
            Err(error)
        }
    }
}

/// Page cache of a connection during a bulk write, in KiB: SQLite's default (2 MiB) fills
/// with dirty pages after a few thousand rows, and each page spilled to the log mid-write
/// is written again when touched again.
const BULK_CACHE_KIB: i64 = 64 * 1024;
/// SQLite's default page cache, in KiB, restored after the bulk write.
const DEFAULT_CACHE_KIB: i64 = 2000;

/// Runs a bulk write (an import) in a write transaction. On SQLite with a larger page cache
/// and without foreign-key enforcement, both given back when it ends: the caller resolves
/// every reference it writes to a row it read in this transaction, whose write lock keeps
/// those rows in place until the commit, so SQLite's lookups (one per reference and line, a
/// fifth of an import) would only repeat them. PostgreSQL keeps its checks.
#[allow(clippy::disallowed_methods)] // its callers are checked instead
pub fn bulk_write_transaction<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<DieselError>,
{
    if !matches!(conn, AnyConnection::Sqlite(_)) {
        return write_transaction(conn, f);
    }
    // Both settings only take effect outside a transaction (inside one, nothing changes).
    conn.batch_execute(&format!("PRAGMA cache_size = -{BULK_CACHE_KIB}; PRAGMA foreign_keys = OFF;"))?;
    let result = write_transaction(conn, f);
    let restore = format!("PRAGMA foreign_keys = ON; PRAGMA cache_size = -{DEFAULT_CACHE_KIB};");
    if let Err(error) = conn.batch_execute(&restore) {
        // What was written stands, but this connection must not serve anyone unchecked:
        // marked broken, the pool closes it instead of taking it back.
        tracing::error!(%error, "a connection could not restore its foreign keys after a bulk write");
        if let AnyConnection::Sqlite(sqlite) = conn {
            AnsiTransactionManager::transaction_manager_status_mut(sqlite).set_in_error();
        }
    }
    result
}
