//! What requests sent with an idempotency key answered.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::api_requests;
use crate::domain::ids::AccountId;

/// A kept answer: the request it was for, and what it said.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_requests)]
pub struct KeptAnswer {
    pub fingerprint: String,
    pub status: i32,
    pub body: String,
}

/// Claims `key` for a request: false if it is already claimed (on PostgreSQL, after the
/// claim of a transaction still running has committed: a concurrent retry waits here).
pub fn claim(
    conn: &mut AnyConnection,
    account: AccountId,
    key: &str,
    fingerprint: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let row = (
        api_requests::account_id.eq(account),
        api_requests::idempotency_key.eq(key),
        api_requests::fingerprint.eq(fingerprint),
        api_requests::status.eq(0),
        api_requests::body.eq(""),
        api_requests::created_at.eq(at),
    );
    // MultiConnection has no ON CONFLICT: each backend says it its own way.
    let inserted = match conn {
        AnyConnection::Sqlite(c) => diesel::insert_or_ignore_into(api_requests::table).values(row).execute(c)?,
        AnyConnection::Pg(c) => {
            diesel::insert_into(api_requests::table).values(row).on_conflict_do_nothing().execute(c)?
        }
    };
    Ok(inserted == 1)
}

pub fn find(conn: &mut AnyConnection, account: AccountId, key: &str) -> QueryResult<Option<KeptAnswer>> {
    api_requests::table
        .filter(api_requests::account_id.eq(account))
        .filter(api_requests::idempotency_key.eq(key))
        .select(KeptAnswer::as_select())
        .get_result(conn)
        .optional()
}

/// Keeps the answer of the request that claimed `key`.
pub fn answer(conn: &mut AnyConnection, account: AccountId, key: &str, status: i32, body: &str) -> QueryResult<()> {
    diesel::update(
        api_requests::table.filter(api_requests::account_id.eq(account)).filter(api_requests::idempotency_key.eq(key)),
    )
    .set((api_requests::status.eq(status), api_requests::body.eq(body)))
    .execute(conn)
    .map(drop)
}

/// Forgets answers kept since before `before`: a key is only good for retries.
pub fn forget_before(conn: &mut AnyConnection, account: AccountId, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        api_requests::table.filter(api_requests::account_id.eq(account)).filter(api_requests::created_at.lt(before)),
    )
    .execute(conn)
}
