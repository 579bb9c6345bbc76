//! A change of time zone applied to an account's history, batch by batch: each activity's
//! and lead's local date reckoned again, its buckets moved with it in the same transaction,
//! so that the buckets always match the rows (see the `account_rebuilds` migration).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::max;
use diesel::prelude::*;

use super::activities::ActivityRow;
use super::leads::LeadRow;
use crate::db::AnyConnection;
use crate::db::schema::{account_rebuilds, activities, leads};
use crate::domain::ids::{AccountId, ActivityId, LeadId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = account_rebuilds)]
pub struct RebuildRow {
    pub account_id: AccountId,
    /// The zone the history is being moved to.
    pub time_zone: String,
    /// The last activity written before the change; later ones are in the new zone.
    pub activities_through: i64,
    /// The last activity moved so far.
    pub activities_done_to: i64,
    pub leads_through: i64,
    pub leads_done_to: i64,
    /// Activities and closed leads to go through, and how many were.
    pub total: i64,
    pub done: i64,
    pub started_at: NaiveDateTime,
}

impl RebuildRow {
    /// How far it has got, 0 to 100.
    pub fn percent(&self) -> u8 {
        if self.total <= 0 {
            return 100;
        }
        u8::try_from((self.done.min(self.total) * 100) / self.total).unwrap_or(100)
    }
}

pub fn find(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Option<RebuildRow>> {
    account_rebuilds::table.find(account).select(RebuildRow::as_select()).get_result(conn).optional()
}

/// The accounts with a rebuild to finish.
pub fn pending(conn: &mut AnyConnection) -> QueryResult<Vec<AccountId>> {
    account_rebuilds::table.order(account_rebuilds::started_at.asc()).select(account_rebuilds::account_id).load(conn)
}

/// Starts moving the account's history to `time_zone`: everything written so far.
pub fn start(conn: &mut AnyConnection, account: AccountId, time_zone: &str, now: NaiveDateTime) -> QueryResult<()> {
    let activities_through: Option<i64> =
        activities::table.filter(activities::account_id.eq(account)).select(max(activities::id)).get_result(conn)?;
    let leads_through: Option<i64> =
        leads::table.filter(leads::account_id.eq(account)).select(max(leads::id)).get_result(conn)?;
    let activity_count: i64 = activities::table.filter(activities::account_id.eq(account)).count().get_result(conn)?;
    let closed: i64 = leads::table
        .filter(leads::account_id.eq(account))
        .filter(leads::closed_at.is_not_null())
        .count()
        .get_result(conn)?;
    diesel::insert_into(account_rebuilds::table)
        .values((
            account_rebuilds::account_id.eq(account),
            account_rebuilds::time_zone.eq(time_zone),
            account_rebuilds::activities_through.eq(activities_through.unwrap_or(0)),
            account_rebuilds::activities_done_to.eq(0),
            account_rebuilds::leads_through.eq(leads_through.unwrap_or(0)),
            account_rebuilds::leads_done_to.eq(0),
            account_rebuilds::total.eq(activity_count + closed),
            account_rebuilds::done.eq(0),
            account_rebuilds::started_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Records how far the rebuild has got.
pub fn advance(conn: &mut AnyConnection, row: &RebuildRow) -> QueryResult<()> {
    diesel::update(account_rebuilds::table.find(row.account_id))
        .set((
            account_rebuilds::activities_done_to.eq(row.activities_done_to),
            account_rebuilds::leads_done_to.eq(row.leads_done_to),
            account_rebuilds::done.eq(row.done),
        ))
        .execute(conn)
        .map(drop)
}

pub fn finish(conn: &mut AnyConnection, account: AccountId) -> QueryResult<()> {
    diesel::delete(account_rebuilds::table.find(account)).execute(conn).map(drop)
}

/// The next `limit` activities of the account after `after`, up to `through`, in id order.
pub fn activities_after(
    conn: &mut AnyConnection,
    account: AccountId,
    (after, through): (i64, i64),
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::id.gt(after))
        .filter(activities::id.le(through))
        .order(activities::id.asc())
        .limit(limit)
        .select(ActivityRow::as_select())
        .load(conn)
}

pub fn set_activity_day(conn: &mut AnyConnection, id: ActivityId, day: NaiveDate) -> QueryResult<()> {
    diesel::update(activities::table.find(id)).set(activities::occurred_on.eq(day)).execute(conn).map(drop)
}

/// The next `limit` closed leads of the account after `after`, up to `through`, in id order.
pub fn closed_leads_after(
    conn: &mut AnyConnection,
    account: AccountId,
    (after, through): (i64, i64),
    limit: i64,
) -> QueryResult<Vec<LeadRow>> {
    leads::table
        .filter(leads::account_id.eq(account))
        .filter(leads::id.gt(after))
        .filter(leads::id.le(through))
        .filter(leads::closed_at.is_not_null())
        .order(leads::id.asc())
        .limit(limit)
        .select(LeadRow::as_select())
        .load(conn)
}

pub fn set_lead_day(conn: &mut AnyConnection, id: LeadId, day: NaiveDate) -> QueryResult<()> {
    diesel::update(leads::table.find(id)).set(leads::closed_on.eq(day)).execute(conn).map(drop)
}
