use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::users;
use crate::domain::account::Locale;
use crate::domain::ids::{AccountId, UserId};
use crate::domain::role::Role;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: UserId,
    pub account_id: AccountId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub password_hash: String,
    pub session_version: i64,
    pub created_at: NaiveDateTime,
    pub locale: Option<Locale>,
}

impl UserRow {
    pub fn role(&self) -> Role {
        self.role
    }

    /// The language the user chose in My account, if any.
    pub fn preferred_locale(&self) -> Option<Locale> {
        self.locale
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub account_id: AccountId,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub active: bool,
    pub password_hash: &'a str,
    pub session_version: i64,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, new: &NewUser) -> QueryResult<UserRow> {
    diesel::insert_into(users::table).values(new).execute(conn)?;
    find_by_email(conn, new.account_id, new.email)?.ok_or(diesel::result::Error::NotFound)
}

/// The users who sign in with `email`, in every account (an e-mail is unique per account),
/// oldest first.
pub fn with_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Vec<UserRow>> {
    users::table.filter(users::email.eq(email)).order(users::id.asc()).select(UserRow::as_select()).load(conn)
}

/// The user of `account` with `email`.
pub fn find_by_email(conn: &mut AnyConnection, account: AccountId, email: &str) -> QueryResult<Option<UserRow>> {
    one_in_account!(conn, users as UserRow, account, email = email)
}

/// A user by id; used for the signed-in user, whose id comes from the session.
pub fn find(conn: &mut AnyConnection, id: UserId) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).get_result(conn).optional()
}

/// Whether a user of `account` has `email` already.
pub fn email_taken(conn: &mut AnyConnection, account: AccountId, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        users::table.filter(users::account_id.eq(account)).filter(users::email.eq(email)),
    ))
    .get_result(conn)
}

/// Every user of the account, by name.
pub fn list(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::account_id.eq(account))
        .order((users::name.asc(), users::id.asc()))
        .select(UserRow::as_select())
        .load(conn)
}

/// Active users hold the account's licences.
pub fn count_active(conn: &mut AnyConnection, account: AccountId) -> QueryResult<i64> {
    users::table.filter(users::account_id.eq(account)).filter(users::active.eq(true)).count().get_result(conn)
}

/// The users who hold a licence, by name: those records can be given to.
pub fn list_active(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::account_id.eq(account))
        .filter(users::active.eq(true))
        .order((users::name.asc(), users::id.asc()))
        .select(UserRow::as_select())
        .load(conn)
}

pub fn set_role(conn: &mut AnyConnection, account: AccountId, id: UserId, role: Role) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::account_id.eq(account)).filter(users::id.eq(id)))
        .set(users::role.eq(role))
        .execute(conn)
}

/// Activates or deactivates; a new session version ends every session of the user.
pub fn set_active(conn: &mut AnyConnection, account: AccountId, id: UserId, active: bool) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::account_id.eq(account)).filter(users::id.eq(id)))
        .set((users::active.eq(active), users::session_version.eq(users::session_version + 1)))
        .execute(conn)
}

pub fn set_name(conn: &mut AnyConnection, id: UserId, name: &str) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id))).set(users::name.eq(name)).execute(conn)
}

pub fn set_locale(conn: &mut AnyConnection, id: UserId, locale: Option<Locale>) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id))).set(users::locale.eq(locale)).execute(conn)
}

/// A new password, and a new session version: every other session ends.
pub fn set_password(conn: &mut AnyConnection, id: UserId, hash: &str) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::password_hash.eq(hash), users::session_version.eq(users::session_version + 1)))
        .execute(conn)
}

/// Ends every session of the user: those begun before this version no longer count.
pub fn bump_session_version(conn: &mut AnyConnection, account: AccountId, id: UserId) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::account_id.eq(account)).filter(users::id.eq(id)))
        .set(users::session_version.eq(users::session_version + 1))
        .execute(conn)
}

pub fn count_active_admins(conn: &mut AnyConnection, account: AccountId) -> QueryResult<i64> {
    users::table
        .filter(users::account_id.eq(account))
        .filter(users::active.eq(true))
        .filter(users::role.eq("admin"))
        .count()
        .get_result(conn)
}
