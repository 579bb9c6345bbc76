//! The audit log: who changed what, when, from what to what. Rows are only ever added.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{audit_log, users};
use crate::domain::ids::{AccountId, UserId};

/// One change to record.
pub struct Entry<'a> {
    pub account: AccountId,
    pub actor: Option<UserId>,
    pub action: &'a str,
    pub subject: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// One recorded change, with the actor's name.
#[derive(Debug, Clone, Queryable)]
pub struct Line {
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub before: String,
    pub after: String,
}

pub fn record(conn: &mut AnyConnection, entry: &Entry, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::account_id.eq(entry.account),
            audit_log::actor_id.eq(entry.actor),
            audit_log::at.eq(at),
            audit_log::action.eq(entry.action),
            audit_log::subject.eq(entry.subject),
            audit_log::before.eq(entry.before),
            audit_log::after.eq(entry.after),
        ))
        .execute(conn)
        .map(drop)
}

/// The account's log, newest first, one page at a time.
pub fn list(conn: &mut AnyConnection, account: AccountId, limit: i64, offset: i64) -> QueryResult<Vec<Line>> {
    audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_id)))
        .filter(audit_log::account_id.eq(account))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .offset(offset)
        .select((
            audit_log::at,
            users::name.nullable(),
            audit_log::action,
            audit_log::subject,
            audit_log::before,
            audit_log::after,
        ))
        .load(conn)
}
