//! The statuses a lead took, who set them and when: its page's timeline.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{lead_changes, users};
use crate::domain::ids::{AccountId, LeadId, UserId};
use crate::domain::recording::LeadStatus;

/// One status change, with the name of who made it (none: an import).
#[derive(Debug, Clone, Queryable)]
pub struct LeadChange {
    pub at: NaiveDateTime,
    pub status: LeadStatus,
    /// The amount it was won for (cents), when won.
    pub amount_cents: Option<i64>,
    pub by: Option<String>,
}

/// Records that the lead now has `status` (and, won, `amount_cents`).
pub fn record(
    conn: &mut AnyConnection,
    account: AccountId,
    lead: LeadId,
    by: Option<UserId>,
    at: NaiveDateTime,
    (status, amount_cents): (LeadStatus, Option<i64>),
) -> QueryResult<()> {
    diesel::insert_into(lead_changes::table)
        .values((
            lead_changes::account_id.eq(account),
            lead_changes::lead_id.eq(lead),
            lead_changes::user_id.eq(by),
            lead_changes::at.eq(at),
            lead_changes::status.eq(status),
            lead_changes::amount_cents.eq(amount_cents),
        ))
        .execute(conn)
        .map(drop)
}

/// The lead's changes, latest first, at most `limit`.
pub fn of_lead(conn: &mut AnyConnection, account: AccountId, lead: LeadId, limit: i64) -> QueryResult<Vec<LeadChange>> {
    lead_changes::table
        .left_join(users::table.on(users::id.nullable().eq(lead_changes::user_id)))
        .filter(lead_changes::account_id.eq(account))
        .filter(lead_changes::lead_id.eq(lead))
        .order((lead_changes::at.desc(), lead_changes::id.desc()))
        .limit(limit)
        .select((lead_changes::at, lead_changes::status, lead_changes::amount_cents, users::name.nullable()))
        .load(conn)
}
