use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::DatabaseErrorKind;

use super::ids::AccountId;
use crate::db::schema::accounts;
use crate::db::{self, AnyConnection, Busy, WriteError};
use crate::domain::account::{Locale, TimeZone, WeekStart};
use crate::domain::edition::Edition;
use crate::domain::money::MoneyStyle;
use crate::domain::period::Calendar;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountRow {
    pub id: AccountId,
    pub name: String,
    pub edition: String,
    pub licences: i32,
    pub time_zone: String,
    pub week_start: String,
    pub currency: String,
    pub locale: String,
    pub created_at: NaiveDateTime,
    /// How many write transactions the account's data has seen: what was computed from
    /// it at one revision holds while the account reads the same.
    pub revision: i64,
}

impl AccountRow {
    /// The edition; the CHECK constraint keeps the stored name valid.
    pub fn edition(&self) -> Edition {
        self.edition.parse().unwrap_or(Edition::Solopreneur)
    }

    pub fn time_zone(&self) -> Option<TimeZone> {
        TimeZone::parse(&self.time_zone).ok()
    }

    /// The calendar periods are counted in. The zone was checked when it was set.
    pub fn calendar(&self) -> Calendar {
        let tz = self.time_zone().map_or(chrono_tz::UTC, TimeZone::tz);
        Calendar::new(tz, self.week_start().weekday())
    }

    pub fn week_start(&self) -> WeekStart {
        self.week_start.parse().unwrap_or_default()
    }

    /// How the account writes money.
    pub fn money(&self) -> MoneyStyle {
        MoneyStyle { currency: self.currency.clone(), locale: self.locale() }
    }

    pub fn locale(&self) -> Locale {
        self.locale.parse().unwrap_or_default()
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = accounts)]
pub struct NewAccount<'a> {
    pub name: &'a str,
    pub edition: &'a str,
    pub licences: i32,
    pub time_zone: &'a str,
    pub week_start: &'a str,
    pub currency: &'a str,
    pub locale: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, new: &NewAccount) -> QueryResult<AccountRow> {
    diesel::insert_into(accounts::table).values(new).execute(conn)?;
    accounts::table.filter(accounts::name.eq(new.name)).select(AccountRow::as_select()).get_result(conn)
}

pub fn find(conn: &mut AnyConnection, id: AccountId) -> QueryResult<Option<AccountRow>> {
    accounts::table.find(id).select(AccountRow::as_select()).get_result(conn).optional()
}

pub fn find_by_name(conn: &mut AnyConnection, name: &str) -> QueryResult<Option<AccountRow>> {
    accounts::table.filter(accounts::name.eq(name)).select(AccountRow::as_select()).get_result(conn).optional()
}

pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
    accounts::table.count().get_result(conn)
}

/// Runs `f` in a write transaction that changes `account`'s data: the one door of every
/// account write (clippy refuses `db::write_transaction` elsewhere).
///
/// The concurrency discipline, the same on both databases: the transaction first takes
/// the account's write lock, by counting the change in the account's revision, so that an
/// account's writers take turns and each reads what the one before it committed. SQLite has
/// one writer at a time anyway (`BEGIN IMMEDIATE`); on PostgreSQL the row lock of that
/// `UPDATE` does it (read committed: every statement after it sees the previous writer's
/// commit). So every "before" row a correction is computed from is current, a second delete
/// finds nothing, and a rule across rows (an active admin, licences, one assignment per
/// user) holds until the commit. Nothing cached by revision goes stale. A writer that
/// waits longer than the pool's write wait gets `Busy`; a transaction the database aborts
/// (deadlock, serialization failure) runs again from the start, so `f` may run more than once.
#[allow(clippy::disallowed_methods)] // the one place an account's write begins
pub fn change<T, E, F>(conn: &mut AnyConnection, account: AccountId, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    db::write_transaction(conn, |conn| {
        lock::<E>(conn, account)?;
        f(conn)
    })
}

/// `change` for an import: a bulk write transaction.
#[allow(clippy::disallowed_methods)] // the one place an account's import begins
pub fn bulk_change<T, E, F>(conn: &mut AnyConnection, account: AccountId, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    db::bulk_write_transaction(conn, |conn| {
        lock::<E>(conn, account)?;
        f(conn)
    })
}

/// Takes `account`'s write lock for the rest of the transaction, counting the change in its
/// revision. A lock not granted within the lock timeout (PostgreSQL) is `Busy`; an account
/// that does not exist is `NotFound`.
fn lock<E: WriteError>(conn: &mut AnyConnection, account: AccountId) -> Result<(), E> {
    let updated = bump_revision(conn, account).map_err(|error| match (&*conn, &error) {
        // A one-row update by key, first in its transaction, fails this way only when its
        // lock is not granted in time.
        (AnyConnection::Pg(_), diesel::result::Error::DatabaseError(DatabaseErrorKind::Unknown, _)) => E::from(Busy),
        _ => E::from(error),
    })?;
    if updated == 0 {
        return Err(diesel::result::Error::NotFound.into());
    }
    Ok(())
}

/// Counts a change to the account's data, in the writer's transaction; on PostgreSQL it
/// holds the account's row lock until the commit. Returns the rows updated (0: no account).
fn bump_revision(conn: &mut AnyConnection, id: AccountId) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id)).set(accounts::revision.eq(accounts::revision + 1)).execute(conn)
}

pub fn set_edition_and_licences(
    conn: &mut AnyConnection,
    id: AccountId,
    edition: &str,
    licences: i32,
) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set((accounts::edition.eq(edition), accounts::licences.eq(licences)))
        .execute(conn)
}
