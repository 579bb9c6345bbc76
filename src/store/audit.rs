//! The audit log: who changed what, when. Rows are only ever added; each holds a typed
//! event as JSON (`app::audit::Event`) and its code.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{audit_log, users};
use crate::domain::ids::{AccountId, UserId};

/// One recorded change, with the actor's name.
#[derive(Debug, Clone, Queryable)]
pub struct AuditRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub details: String,
}

pub fn record(
    conn: &mut AnyConnection,
    account: AccountId,
    actor: Option<UserId>,
    action: &str,
    details: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::account_id.eq(account),
            audit_log::actor_id.eq(actor),
            audit_log::at.eq(at),
            audit_log::action.eq(action),
            audit_log::details.eq(details),
        ))
        .execute(conn)
        .map(drop)
}

/// The account's log, newest first, one page at a time.
pub fn list(conn: &mut AnyConnection, account: AccountId, limit: i64, offset: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_id)))
        .filter(audit_log::account_id.eq(account))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .offset(offset)
        .select((audit_log::id, audit_log::at, users::name.nullable(), audit_log::details))
        .load(conn)
}
