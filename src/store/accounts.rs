use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::DatabaseErrorKind;
use diesel::sql_types::BigInt;

use crate::db::schema::accounts;
use crate::db::{self, AnyConnection, Busy, WriteError};
use crate::domain::account::{Locale, TimeZone, WeekStart};
use crate::domain::edition::Edition;
use crate::domain::ids::AccountId;
use crate::domain::money::MoneyStyle;
use crate::domain::period::Calendar;
use crate::domain::working_calendar::WorkingDays;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountRow {
    pub id: AccountId,
    pub name: String,
    pub edition: Edition,
    pub licences: i32,
    pub time_zone: String,
    pub week_start: WeekStart,
    pub currency: String,
    pub locale: Locale,
    pub created_at: NaiveDateTime,
    /// How many write transactions the account's data has seen: what was computed from
    /// it at one revision holds while the account reads the same.
    pub revision: i64,
    /// The month its fiscal year begins in, 1 to 12 (a CHECK keeps it so).
    pub fiscal_year_start: i32,
    pub working_days: WorkingDays,
    /// Reps may see the leaderboard's names and ranks (never colleagues' amounts).
    pub reps_see_leaderboard: bool,
}

impl AccountRow {
    pub fn edition(&self) -> Edition {
        self.edition
    }

    pub fn time_zone(&self) -> Option<TimeZone> {
        TimeZone::parse(&self.time_zone).ok()
    }

    /// The calendar periods are counted in. The zone was checked when it was set.
    pub fn calendar(&self) -> Calendar {
        let tz = self.time_zone().map_or(chrono_tz::UTC, TimeZone::tz);
        let fiscal_year_start = u32::try_from(self.fiscal_year_start).unwrap_or(1);
        Calendar::new(tz, self.week_start().weekday()).with_fiscal_year_start(fiscal_year_start)
    }

    pub fn week_start(&self) -> WeekStart {
        self.week_start
    }

    /// How the account writes money.
    pub fn money(&self) -> MoneyStyle {
        MoneyStyle { currency: self.currency.clone(), locale: self.locale() }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = accounts)]
pub struct NewAccount<'a> {
    pub name: &'a str,
    pub edition: Edition,
    pub licences: i32,
    pub time_zone: &'a str,
    pub week_start: WeekStart,
    pub currency: &'a str,
    pub locale: Locale,
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

/// The account's seasonality profile as stored (twelve hundredths), if it has one.
pub fn seasonality(conn: &mut AnyConnection, id: AccountId) -> QueryResult<Option<String>> {
    accounts::table.find(id).select(accounts::seasonality).get_result(conn).optional().map(Option::flatten)
}

pub fn set_seasonality(conn: &mut AnyConnection, id: AccountId, stored: &str) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id)).set(accounts::seasonality.eq(stored)).execute(conn)
}

/// What an admin changes on the settings page.
#[derive(Debug, Clone, PartialEq, Eq, AsChangeset)]
#[diesel(table_name = accounts)]
pub struct Settings {
    pub name: String,
    pub locale: Locale,
    pub currency: String,
    pub time_zone: String,
    pub week_start: WeekStart,
    pub fiscal_year_start: i32,
    pub working_days: WorkingDays,
    pub reps_see_leaderboard: bool,
}

impl AccountRow {
    /// Its settings as the settings page shows them.
    pub fn settings(&self) -> Settings {
        Settings {
            name: self.name.clone(),
            locale: self.locale,
            currency: self.currency.clone(),
            time_zone: self.time_zone.clone(),
            week_start: self.week_start,
            fiscal_year_start: self.fiscal_year_start,
            working_days: self.working_days.clone(),
            reps_see_leaderboard: self.reps_see_leaderboard,
        }
    }
}

pub fn update_settings(conn: &mut AnyConnection, id: AccountId, settings: &Settings) -> QueryResult<()> {
    diesel::update(accounts::table.find(id)).set(settings).execute(conn).map(drop)
}

/// Whether any amount is recorded in the account's currency: a lead's amount, or a
/// revenue objective's target.
pub fn records_money(conn: &mut AnyConnection, id: AccountId) -> QueryResult<bool> {
    use crate::db::schema::{leads, objective_targets, objectives};
    let amounts = leads::table.filter(leads::account_id.eq(id)).filter(leads::amount_cents.is_not_null());
    let revenue_targets = objective_targets::table
        .inner_join(objectives::table.on(objectives::id.eq(objective_targets::objective_id)))
        .filter(objective_targets::account_id.eq(id))
        .filter(objectives::metric.eq(crate::domain::objective::SalesMetric::Revenue.as_str()));
    Ok(diesel::select(diesel::dsl::exists(amounts)).get_result(conn)?
        || diesel::select(diesel::dsl::exists(revenue_targets)).get_result(conn)?)
}

pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
    accounts::table.count().get_result(conn)
}

/// Runs `f` in a write transaction that changes `account`'s data: with `append`, one of the
/// two doors of every account write (clippy refuses `db::write_transaction` elsewhere).
///
/// The concurrency discipline, the same on both databases: a change takes the account's
/// write lock first and holds it to the commit, so that an account's writers take turns and
/// each reads what the one before it committed. SQLite has one writer at a time anyway
/// (`BEGIN IMMEDIATE`); on PostgreSQL an advisory lock on the account does it (read
/// committed: every statement after it sees the previous writer's commit). So every
/// "before" row a correction is computed from is current, a second delete finds nothing,
/// and a rule across rows (an active admin, licences, one assignment per user, what an
/// objective counts) holds until the commit. The change is counted in the account's
/// revision, last, so nothing cached by revision goes stale. A writer that waits longer
/// than the pool's write wait gets `Busy`; a transaction the database aborts (a deadlock, a
/// serialization failure) runs again from the start, so `f` may run more than once.
#[allow(clippy::disallowed_methods)] // one of the two places an account's write begins
pub fn change<T, E, F>(conn: &mut AnyConnection, account: AccountId, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    db::write_transaction(conn, |conn| locked(conn, account, Lock::Exclusive, &mut f))
}

/// `change` for writes that only add records and correct nothing (an activity logged):
/// they take the account's lock shared, so that they run alongside one another on
/// PostgreSQL, never alongside a `change`. What they add is counted from rows that no
/// `append` changes (the objectives' definitions); the buckets they touch are updated table
/// by table in the same order, each table's rows in one statement in key order, so that
/// two of them never wait on each other in a circle (and if they did, the retry runs again).
#[allow(clippy::disallowed_methods)] // one of the two places an account's write begins
pub fn append<T, E, F>(conn: &mut AnyConnection, account: AccountId, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    db::write_transaction(conn, |conn| locked(conn, account, Lock::Shared, &mut f))
}

/// `change` for an import or a batch of the API: a bulk write transaction.
#[allow(clippy::disallowed_methods)] // the one place an account's bulk write (an import, a batch) begins
pub fn bulk_change<T, E, F>(conn: &mut AnyConnection, account: AccountId, mut f: F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    db::bulk_write_transaction(conn, |conn| locked(conn, account, Lock::Exclusive, &mut f))
}

#[derive(Clone, Copy)]
enum Lock {
    Shared,
    Exclusive,
}

/// `f` under `account`'s write lock, then the revision bump that counts it.
fn locked<T, E, F>(conn: &mut AnyConnection, account: AccountId, lock: Lock, f: &mut F) -> Result<T, E>
where
    F: FnMut(&mut AnyConnection) -> Result<T, E>,
    E: WriteError,
{
    let on_postgres = matches!(conn, AnyConnection::Pg(_));
    if on_postgres {
        let sql = match lock {
            Lock::Shared => "SELECT pg_advisory_xact_lock_shared($1)",
            Lock::Exclusive => "SELECT pg_advisory_xact_lock($1)",
        };
        diesel::sql_query(sql).bind::<BigInt, _>(account.0).execute(conn).map_err(waited_too_long::<E>)?;
    }
    let value = f(conn)?;
    let bumped = bump_revision(conn, account);
    // On SQLite the transaction holds the write lock: nothing is waited for any more.
    let bumped = if on_postgres { bumped.map_err(waited_too_long::<E>)? } else { bumped? };
    if bumped == 0 {
        return Err(diesel::result::Error::NotFound.into());
    }
    Ok(value)
}

/// The error of taking a lock on PostgreSQL: the only one these one-row statements meet,
/// short of the connection failing, is the lock not granted within the lock timeout: `Busy`.
fn waited_too_long<E: WriteError>(error: diesel::result::Error) -> E {
    match error {
        diesel::result::Error::DatabaseError(DatabaseErrorKind::Unknown, _) => E::from(Busy),
        other => E::from(other),
    }
}

/// Counts a change to the account's data, last in the writer's transaction: on PostgreSQL
/// the account's row then stays locked only until the commit that follows. Returns the
/// rows updated (0: no such account).
fn bump_revision(conn: &mut AnyConnection, id: AccountId) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id)).set(accounts::revision.eq(accounts::revision + 1)).execute(conn)
}

pub fn set_edition_and_licences(
    conn: &mut AnyConnection,
    id: AccountId,
    edition: Edition,
    licences: i32,
) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set((accounts::edition.eq(edition), accounts::licences.eq(licences)))
        .execute(conn)
}
