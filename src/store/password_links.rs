//! One-time set-password links: only the hash of each token is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::password_links;
use crate::domain::ids::{AccountId, UserId};

pub fn insert(
    conn: &mut AnyConnection,
    token_hash: &str,
    account: AccountId,
    user: UserId,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(password_links::table)
        .values((
            password_links::token_hash.eq(token_hash),
            password_links::account_id.eq(account),
            password_links::user_id.eq(user),
            password_links::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .map(drop)
}

/// The user a link is for, if it exists and has not expired.
pub fn find(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(AccountId, UserId)>> {
    password_links::table
        .filter(password_links::token_hash.eq(token_hash))
        .filter(password_links::expires_at.gt(now))
        .select((password_links::account_id, password_links::user_id))
        .get_result(conn)
        .optional()
}

/// A link works once: using it deletes it (and any other of the same user).
pub fn delete_for(conn: &mut AnyConnection, user: UserId) -> QueryResult<usize> {
    diesel::delete(password_links::table.filter(password_links::user_id.eq(user))).execute(conn)
}
