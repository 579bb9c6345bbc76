//! An account's holidays: days nobody is expected to work, by name.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::holidays;
use crate::domain::ids::AccountId;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = holidays)]
pub struct Holiday {
    pub day: NaiveDate,
    pub name: String,
}

/// The account's holidays, by date.
pub fn list(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<Holiday>> {
    holidays::table
        .filter(holidays::account_id.eq(account))
        .order(holidays::day.asc())
        .select(Holiday::as_select())
        .load(conn)
}

/// The dates alone, as pace reads them.
pub fn dates(conn: &mut AnyConnection, account: AccountId) -> QueryResult<BTreeSet<NaiveDate>> {
    Ok(holidays::table.filter(holidays::account_id.eq(account)).select(holidays::day).load(conn)?.into_iter().collect())
}

/// Adds a holiday, or renames the one already on its date.
pub fn put(conn: &mut AnyConnection, account: AccountId, holiday: &Holiday) -> QueryResult<()> {
    let renamed =
        diesel::update(holidays::table.filter(holidays::account_id.eq(account)).filter(holidays::day.eq(holiday.day)))
            .set(holidays::name.eq(&holiday.name))
            .execute(conn)?;
    if renamed == 0 {
        diesel::insert_into(holidays::table)
            .values((holidays::account_id.eq(account), holidays::day.eq(holiday.day), holidays::name.eq(&holiday.name)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete(conn: &mut AnyConnection, account: AccountId, day: NaiveDate) -> QueryResult<usize> {
    diesel::delete(holidays::table.filter(holidays::account_id.eq(account)).filter(holidays::day.eq(day))).execute(conn)
}
