//! API tokens: only the hash of each secret is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{api_tokens, users};
use crate::domain::ids::{AccountId, ApiTokenId, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiTokenRow {
    pub id: ApiTokenId,
    pub account_id: AccountId,
    pub name: String,
    pub scopes: String,
    pub prefix: String,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = api_tokens)]
pub struct NewApiToken<'a> {
    pub account_id: AccountId,
    pub name: &'a str,
    pub scopes: &'a str,
    pub secret_hash: &'a str,
    pub prefix: &'a str,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, new: &NewApiToken) -> QueryResult<ApiTokenRow> {
    diesel::insert_into(api_tokens::table).values(new).execute(conn)?;
    api_tokens::table
        .filter(api_tokens::secret_hash.eq(new.secret_hash))
        .select(ApiTokenRow::as_select())
        .get_result(conn)
}

/// The account's tokens, newest first, each with its maker's name.
pub fn list(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<(ApiTokenRow, String)>> {
    api_tokens::table
        .inner_join(users::table.on(users::id.eq(api_tokens::created_by)))
        .filter(api_tokens::account_id.eq(account))
        .order(api_tokens::id.desc())
        .select((ApiTokenRow::as_select(), users::name))
        .load(conn)
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: ApiTokenId) -> QueryResult<Option<ApiTokenRow>> {
    one_in_account!(conn, api_tokens as ApiTokenRow, account, id = id)
}

/// The token of a secret's hash, revoked or not, in whichever account.
pub fn by_secret_hash(conn: &mut AnyConnection, hash: &str) -> QueryResult<Option<ApiTokenRow>> {
    api_tokens::table
        .filter(api_tokens::secret_hash.eq(hash))
        .select(ApiTokenRow::as_select())
        .get_result(conn)
        .optional()
}

/// Revokes a token still in force; returns whether it was.
pub fn revoke(conn: &mut AnyConnection, account: AccountId, id: ApiTokenId, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::account_id.eq(account))
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(at))
    .execute(conn)
    .map(|n| n == 1)
}

/// Notes the token's use at `at`, unless noted since `unless_since`: one write a minute,
/// not one per request.
pub fn touch(
    conn: &mut AnyConnection,
    id: ApiTokenId,
    at: NaiveDateTime,
    unless_since: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::last_used_at.is_null().or(api_tokens::last_used_at.lt(unless_since))),
    )
    .set(api_tokens::last_used_at.eq(at))
    .execute(conn)
    .map(drop)
}
