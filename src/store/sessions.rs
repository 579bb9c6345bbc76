//! Signed-in sessions, kept by the server: the cookie carries a random token, the table
//! its SHA-256. A session exists while its row does; ending one deletes the row, so a copy
//! of the cookie stops working on every server at once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::users::UserRow;
use crate::db::AnyConnection;
use crate::db::schema::{sessions, users};
use crate::domain::ids::{AccountId, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub account_id: AccountId,
    pub user_id: UserId,
    /// The user's session version when the session began.
    pub user_version: i64,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&row.id),
            sessions::account_id.eq(row.account_id),
            sessions::user_id.eq(row.user_id),
            sessions::user_version.eq(row.user_version),
            sessions::created_at.eq(row.created_at),
            sessions::last_seen_at.eq(row.last_seen_at),
        ))
        .execute(conn)
        .map(drop)
}

/// The session with this id, and its user.
pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<(SessionRow, UserRow)>> {
    sessions::table
        .inner_join(users::table)
        .filter(sessions::id.eq(id))
        .select((SessionRow::as_select(), UserRow::as_select()))
        .get_result(conn)
        .optional()
}

/// Records that the session was used at `now`.
pub fn touch(conn: &mut AnyConnection, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(sessions::table.filter(sessions::id.eq(id)))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)
        .map(drop)
}

/// Keeps a session alive across its user's new session version (their own password change).
pub fn set_user_version(conn: &mut AnyConnection, id: &str, version: i64) -> QueryResult<()> {
    diesel::update(sessions::table.filter(sessions::id.eq(id)))
        .set(sessions::user_version.eq(version))
        .execute(conn)
        .map(drop)
}

pub fn delete(conn: &mut AnyConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::id.eq(id))).execute(conn)
}

/// Ends every session of `user` but `keep` (the one making the change, if any).
pub fn delete_for_user(conn: &mut AnyConnection, user: UserId, keep: Option<&str>) -> QueryResult<usize> {
    let mine = sessions::table.filter(sessions::user_id.eq(user));
    match keep {
        Some(keep) => diesel::delete(mine.filter(sessions::id.ne(keep))).execute(conn),
        None => diesel::delete(mine).execute(conn),
    }
}

/// How many sessions `user` has open.
pub fn count_for_user(conn: &mut AnyConnection, user: UserId) -> QueryResult<i64> {
    sessions::table.filter(sessions::user_id.eq(user)).count().get_result(conn)
}

/// Forgets the sessions idle since before `idle_before` or begun before `begun_before`.
pub fn delete_expired(
    conn: &mut AnyConnection,
    idle_before: NaiveDateTime,
    begun_before: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table.filter(sessions::last_seen_at.lt(idle_before).or(sessions::created_at.lt(begun_before))),
    )
    .execute(conn)
}
