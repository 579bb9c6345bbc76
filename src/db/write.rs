//! Write transactions, and what may keep one from running: another writer holding the lock
//! longer than we wait (`Busy`), or the database choosing to abort us in favour of another
//! transaction (a deadlock or a serialization failure), which is retried here.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::AnyConnection;

/// A write that could not begin in time: another writer (an import, say) held the lock for
/// longer than the configured wait. Nothing was written; trying again later will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the database is busy with another write: try again in a moment")]
pub struct Busy;

/// What a write may fail with: the database's errors, and `Busy`.
pub trait WriteError: From<DieselError> + From<Busy> {
    /// The database error inside, if this is one.
    fn database_error(&self) -> Option<&DieselError>;
}

impl WriteError for anyhow::Error {
    fn database_error(&self) -> Option<&DieselError> {
        self.downcast_ref::<DieselError>()
    }
}

/// Whether the database aborted the transaction so that another could go on: running it
/// again from the start may succeed. PostgreSQL reports a deadlock without a kind of its
/// own in diesel, hence its message.
pub fn is_transient(error: &DieselError) -> bool {
    match error {
        DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
        DieselError::DatabaseError(DatabaseErrorKind::Unknown, info) => info.message().contains("deadlock detected"),
        _ => false,
    }
}

/// How many times a transaction the database aborted is run in all.
const ATTEMPTS: u32 = 5;

/// The longest a writer of this process waits for its turn, in milliseconds: the largest
/// wait any pool of the process was configured with.
static QUEUE_WAIT_MS: AtomicU64 = AtomicU64::new(0);

/// Records a pool's write wait for the process's queue of SQLite writers.
pub(super) fn configure_queue_wait(wait: Duration) {
    let millis = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
    QUEUE_WAIT_MS.fetch_max(millis, Ordering::Relaxed);
}

/// The one SQLite writer of this process at a time.
static SQLITE_WRITER: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

/// Runs `f` in a write transaction, again (up to `ATTEMPTS` times, after a short pause)
/// when the database aborts it for another's sake. On SQLite it begins IMMEDIATE, so the
/// write lock is taken up front: a deferred read-then-write transaction fails with
/// SQLITE_BUSY under concurrent writers instead of waiting for its turn. A writer that
/// cannot get the lock within the configured wait gets `Busy`.
pub fn write_transaction<T, E, F>(conn: &mut AnyConnection, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    if in_transaction(conn)? {
        // The outer transaction holds the lock and retries as a whole: a savepoint is enough.
        return diesel::Connection::transaction(conn, f);
    }
    let mut attempt = 1;
    loop {
        let result = match conn {
            AnyConnection::Pg(_) => diesel::Connection::transaction(conn, &mut f),
            AnyConnection::Sqlite(_) => sqlite_write(conn, &mut f),
        };
        match result {
            Err(error) if attempt < ATTEMPTS && error.database_error().is_some_and(is_transient) => {
                tracing::info!(attempt, "transaction aborted by the database for another one: running it again");
                std::thread::sleep(backoff(attempt));
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// A pause that grows with each attempt, spread so that two aborted writers do not meet again.
fn backoff(attempt: u32) -> Duration {
    let mut byte = [0u8; 1];
    let jitter = if getrandom::fill(&mut byte).is_ok() { u64::from(byte[0]) % 10 } else { 5 };
    Duration::from_millis(5 * 2u64.pow(attempt) + jitter)
}

fn in_transaction(conn: &mut AnyConnection) -> Result<bool, DieselError> {
    Ok(match conn {
        AnyConnection::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?,
        AnyConnection::Pg(c) => AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?,
    }
    .is_some())
}

fn sqlite_write<T, E, F>(conn: &mut AnyConnection, f: &mut F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    // Writers of this process queue here, each woken the moment the previous one commits;
    // left to SQLite, they would poll the lock with growing sleeps (up to 100 ms each).
    // Other processes (the command line) meet SQLite's busy timeout, set to the same wait.
    let wait = Duration::from_millis(QUEUE_WAIT_MS.load(Ordering::Relaxed));
    let Some(_turn) = SQLITE_WRITER.try_lock_for(wait) else {
        return Err(Busy.into());
    };
    let AnyConnection::Sqlite(sqlite) = conn else { return Err(DieselError::NotInTransaction.into()) };
    if let Err(error) = AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE") {
        // SQLite waited its busy timeout for another process's writer.
        return Err(if is_locked(&error) { Busy.into() } else { error.into() });
    }
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

/// SQLite's answer when another connection kept the write lock past the busy timeout.
fn is_locked(error: &DieselError) -> bool {
    matches!(error, DieselError::DatabaseError(DatabaseErrorKind::Unknown, info)
        if info.message().contains("locked") || info.message().contains("busy"))
}

/// Page cache of a connection during a bulk write, in KiB: SQLite's default (2 MiB) fills
/// with dirty pages after a few thousand rows, and each page spilled to the log mid-write
/// is written again when touched again.
const BULK_CACHE_KIB: i64 = 64 * 1024;
/// SQLite's default page cache, in KiB, restored after the bulk write.
const DEFAULT_CACHE_KIB: i64 = 2000;

/// Runs a bulk write (an import) in a write transaction. On SQLite with a larger page cache
/// and without foreign-key enforcement, both given back when it ends: the caller resolves
/// every reference it writes to a row it read (or checked again) in this transaction, whose
/// write lock keeps those rows in place until the commit, so SQLite's lookups (one per
/// reference and line, a fifth of an import) would only repeat them. PostgreSQL keeps its
/// checks.
#[allow(clippy::disallowed_methods)] // its callers are checked instead
pub fn bulk_write_transaction<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
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
