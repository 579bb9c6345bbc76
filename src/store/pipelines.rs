use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::pipelines;
use crate::domain::ids::{AccountId, PipelineId};

pub const DEFAULT_NAME: &str = "Sales";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pipelines)]
pub struct PipelineRow {
    pub id: PipelineId,
    pub account_id: AccountId,
    pub name: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut AnyConnection,
    account: AccountId,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<PipelineRow> {
    diesel::insert_into(pipelines::table)
        .values((pipelines::account_id.eq(account), pipelines::name.eq(name), pipelines::created_at.eq(now)))
        .execute(conn)?;
    find_by_name(conn, account, name)?.ok_or(diesel::result::Error::NotFound)
}

pub fn list(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<PipelineRow>> {
    pipelines::table
        .filter(pipelines::account_id.eq(account))
        .order((pipelines::id.asc(),))
        .select(PipelineRow::as_select())
        .load(conn)
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: PipelineId) -> QueryResult<Option<PipelineRow>> {
    one_in_account!(conn, pipelines as PipelineRow, account, id = id)
}

pub fn find_by_name(conn: &mut AnyConnection, account: AccountId, name: &str) -> QueryResult<Option<PipelineRow>> {
    one_in_account!(conn, pipelines as PipelineRow, account, name = name)
}

pub fn rename(conn: &mut AnyConnection, account: AccountId, id: PipelineId, name: &str) -> QueryResult<usize> {
    diesel::update(pipelines::table.filter(pipelines::account_id.eq(account)).filter(pipelines::id.eq(id)))
        .set(pipelines::name.eq(name))
        .execute(conn)
}
