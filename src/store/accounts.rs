use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::ids::AccountId;
use crate::db::AnyConnection;
use crate::db::schema::accounts;
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
