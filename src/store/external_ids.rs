//! The ids other systems gave our records, per account and kind.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::external_ids;
use crate::domain::ids::AccountId;

/// What kind of record an external id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Activity,
    Lead,
    Prospect,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Activity => "activity",
            Kind::Lead => "lead",
            Kind::Prospect => "prospect",
        }
    }
}

/// The record `external_id` names, if any (it may have been deleted since).
pub fn record(conn: &mut AnyConnection, account: AccountId, kind: Kind, external_id: &str) -> QueryResult<Option<i64>> {
    external_ids::table
        .filter(external_ids::account_id.eq(account))
        .filter(external_ids::kind.eq(kind.as_str()))
        .filter(external_ids::external_id.eq(external_id))
        .select(external_ids::record_id)
        .get_result(conn)
        .optional()
}

/// The external ids of `records`, as (record, external id).
pub fn of(
    conn: &mut AnyConnection,
    account: AccountId,
    kind: Kind,
    records: &[i64],
) -> QueryResult<Vec<(i64, String)>> {
    external_ids::table
        .filter(external_ids::account_id.eq(account))
        .filter(external_ids::kind.eq(kind.as_str()))
        .filter(external_ids::record_id.eq_any(records))
        .select((external_ids::record_id, external_ids::external_id))
        .load(conn)
}

/// Names `record` by `external_id` (replacing what it named before).
pub fn set(
    conn: &mut AnyConnection,
    account: AccountId,
    kind: Kind,
    external_id: &str,
    record: i64,
) -> QueryResult<()> {
    forget(conn, account, kind, external_id)?;
    diesel::insert_into(external_ids::table)
        .values((
            external_ids::account_id.eq(account),
            external_ids::kind.eq(kind.as_str()),
            external_ids::external_id.eq(external_id),
            external_ids::record_id.eq(record),
        ))
        .execute(conn)
        .map(drop)
}

pub fn forget(conn: &mut AnyConnection, account: AccountId, kind: Kind, external_id: &str) -> QueryResult<()> {
    diesel::delete(
        external_ids::table
            .filter(external_ids::account_id.eq(account))
            .filter(external_ids::kind.eq(kind.as_str()))
            .filter(external_ids::external_id.eq(external_id)),
    )
    .execute(conn)
    .map(drop)
}

/// Forgets the external ids of a record (deleted).
pub fn forget_record(conn: &mut AnyConnection, account: AccountId, kind: Kind, record: i64) -> QueryResult<()> {
    diesel::delete(
        external_ids::table
            .filter(external_ids::account_id.eq(account))
            .filter(external_ids::kind.eq(kind.as_str()))
            .filter(external_ids::record_id.eq(record)),
    )
    .execute(conn)
    .map(drop)
}
