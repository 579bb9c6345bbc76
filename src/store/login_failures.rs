use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::login_failures;

#[derive(Debug, Insertable)]
#[diesel(table_name = login_failures)]
struct NewFailure<'a> {
    email: &'a str,
    attempted_at: NaiveDateTime,
}

/// Records a failed sign-in for `email` and forgets failures older than `forget_before`.
pub fn record(
    conn: &mut AnyConnection,
    email: &str,
    at: NaiveDateTime,
    forget_before: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::attempted_at.lt(forget_before))).execute(conn)?;
    diesel::insert_into(login_failures::table).values(NewFailure { email, attempted_at: at }).execute(conn).map(drop)
}

/// The failures of `email` since `since`.
pub fn since(conn: &mut AnyConnection, email: &str, since: NaiveDateTime) -> QueryResult<Vec<NaiveDateTime>> {
    login_failures::table
        .filter(login_failures::email.eq(email))
        .filter(login_failures::attempted_at.gt(since))
        .select(login_failures::attempted_at)
        .load(conn)
}

/// A successful sign-in wipes the slate for that e-mail.
pub fn clear(conn: &mut AnyConnection, email: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::email.eq(email))).execute(conn).map(drop)
}
