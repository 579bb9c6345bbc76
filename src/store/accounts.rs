use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::ids::AccountId;
use crate::db::schema::accounts;
use crate::db::{self, AnyConnection};
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

/// Runs `f` in a write transaction that changes `account`'s data, and counts the change in
/// the account's revision. Every write to an account's data goes through here (clippy
/// refuses `db::write_transaction` elsewhere), so nothing cached by revision goes stale.
#[allow(clippy::disallowed_methods)] // the one place an account's write begins
pub fn change<T, E, F>(conn: &mut AnyConnection, account: AccountId, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    db::write_transaction(conn, counted(account, f))
}

/// `change` for an import: a bulk write transaction.
#[allow(clippy::disallowed_methods)] // the one place an account's import begins
pub fn bulk_change<T, E, F>(conn: &mut AnyConnection, account: AccountId, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    db::bulk_write_transaction(conn, counted(account, f))
}

/// `f`, then the revision bump that counts it.
fn counted<T, E, F>(account: AccountId, f: F) -> impl FnOnce(&mut AnyConnection) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    move |conn| {
        let value = f(conn)?;
        bump_revision(conn, account)?;
        Ok(value)
    }
}

/// Counts a change to the account's data, in the writer's transaction. Done last: on
/// PostgreSQL the account's row then stays locked only until the commit that follows.
pub fn bump_revision(conn: &mut AnyConnection, id: AccountId) -> QueryResult<()> {
    diesel::update(accounts::table.find(id)).set(accounts::revision.eq(accounts::revision + 1)).execute(conn)?;
    Ok(())
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
