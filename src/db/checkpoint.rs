//! SQLite's write-ahead log copied back into the database file by a thread of its own.
//! Left to itself, SQLite checkpoints in the connection whose commit takes the log past a
//! thousand pages: that writer, still in its account's turn, copies the log into the file,
//! and a batch or an import of thousands of rows pays for it every time. Writers of the
//! pool turn that off (`wal_autocheckpoint = 0`); this thread checkpoints instead, for as
//! long as its pool lives: often without blocking anyone (`PASSIVE`), and, should the log
//! outgrow `RESTART_PAGES` because writers never let a passive one finish, once so that the
//! log starts again from its beginning (`RESTART`: writers wait for it, as for one of their
//! own).

use std::sync::Weak;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::sql_types::Integer;
use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

/// How often the log is copied back.
const EVERY: Duration = Duration::from_millis(200);
/// The log's size, in pages, past which it is restarted: 64 MiB of 4 KiB pages.
const RESTART_PAGES: i32 = 16 * 1024;

#[derive(QueryableByName)]
struct Checkpoint {
    /// Pages in the log.
    #[diesel(sql_type = Integer)]
    log: i32,
}

/// Starts checkpointing `path`; the thread ends within `EVERY` of `pool_alive` dropping.
pub(super) fn spawn(path: &str, pool_alive: Weak<()>) -> std::io::Result<()> {
    let path = path.to_owned();
    std::thread::Builder::new().name("sqlite-checkpoint".into()).spawn(move || {
        let mut conn = None;
        let mut mode = "PASSIVE";
        while pool_alive.strong_count() > 0 {
            std::thread::sleep(EVERY);
            if conn.is_none() {
                conn = open(&path)
                    .inspect_err(|error| tracing::warn!(%error, "the checkpointer cannot open the database"))
                    .ok();
            }
            let Some(open) = conn.as_mut() else { continue };
            match diesel::sql_query(format!("PRAGMA wal_checkpoint({mode})")).get_result::<Checkpoint>(open) {
                Ok(done) => mode = if done.log > RESTART_PAGES { "RESTART" } else { "PASSIVE" },
                Err(error) => {
                    tracing::warn!(%error, "a checkpoint failed; the next one tries again");
                    conn = None;
                }
            }
        }
    })?;
    Ok(())
}

fn open(path: &str) -> Result<SqliteConnection, String> {
    let mut conn = SqliteConnection::establish(path).map_err(|e| e.to_string())?;
    // A restart waits this long for readers of an old snapshot, then tries again later.
    conn.batch_execute("PRAGMA busy_timeout = 1000;").map_err(|e| e.to_string())?;
    Ok(conn)
}
