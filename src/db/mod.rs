//! The database: one code path for SQLite and PostgreSQL through a diesel
//! `MultiConnection`, an r2d2 pool, embedded migrations and the write-transaction helper.

mod checkpoint;
mod connection;
mod migrations;
pub mod schema;
mod scratch;
mod write;

pub use connection::{AnyConnection, Backend, DatabaseUrl, Pool, PoolSettings, PooledConnection};
pub use scratch::Scratch;
pub use write::{Busy, WriteError, bulk_write_transaction, is_transient, write_transaction};

/// The backend type of `AnyConnection`, for queries built by hand.
pub type AnyBackend = <AnyConnection as diesel::Connection>::Backend;
pub use migrations::{revert_latest, run_migrations};

use diesel::{QueryResult, RunQueryDsl};

/// Builds the pool for `url` and brings the schema up to date.
pub fn connect(url: &DatabaseUrl, settings: &PoolSettings) -> anyhow::Result<Pool> {
    let pool = connection::build_pool(url, settings)?;
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
