//! Prospects: contacts not yet qualified, in prospecting lists.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::activities;
use crate::db::schema::{prospects, users};
use crate::db::{self, AnyConnection};
use crate::domain::ids::{AccountId, LeadId, ProspectId, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = prospects)]
pub struct ProspectRow {
    pub id: ProspectId,
    pub account_id: AccountId,
    pub owner_id: UserId,
    pub name: String,
    pub list_name: Option<String>,
    pub lead_id: Option<LeadId>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = prospects, treat_none_as_null = true)]
pub struct ProspectData {
    pub owner_id: UserId,
    pub name: String,
    pub list_name: Option<String>,
}

#[derive(Debug, Clone, Queryable)]
pub struct ProspectLine {
    pub prospect: ProspectRow,
    pub owner: String,
}

pub fn insert(
    conn: &mut AnyConnection,
    account: AccountId,
    data: &ProspectData,
    now: NaiveDateTime,
) -> QueryResult<ProspectRow> {
    diesel::insert_into(prospects::table)
        .values((
            prospects::account_id.eq(account),
            prospects::owner_id.eq(data.owner_id),
            prospects::name.eq(&data.name),
            prospects::list_name.eq(&data.list_name),
            prospects::created_at.eq(now),
        ))
        .execute(conn)?;
    let id = ProspectId(db::last_insert_id(conn)?);
    find(conn, account, id)?.ok_or(diesel::result::Error::NotFound)
}

pub fn update(conn: &mut AnyConnection, account: AccountId, id: ProspectId, data: &ProspectData) -> QueryResult<usize> {
    diesel::update(prospects::table.filter(prospects::account_id.eq(account)).filter(prospects::id.eq(id)))
        .set(data)
        .execute(conn)
}

/// Marks the prospect as converted into `lead`.
pub fn set_lead(conn: &mut AnyConnection, account: AccountId, id: ProspectId, lead: LeadId) -> QueryResult<usize> {
    diesel::update(prospects::table.filter(prospects::account_id.eq(account)).filter(prospects::id.eq(id)))
        .set(prospects::lead_id.eq(Some(lead)))
        .execute(conn)
}

/// Deletes a prospect with the activities logged on it, taking back what they counted.
pub fn delete(conn: &mut AnyConnection, account: AccountId, id: ProspectId) -> QueryResult<Option<ProspectRow>> {
    let Some(prospect) = find(conn, account, id)? else { return Ok(None) };
    activities::delete_on_prospect(conn, account, id)?;
    diesel::delete(prospects::table.filter(prospects::id.eq(id))).execute(conn)?;
    Ok(Some(prospect))
}

/// The prospect that became `lead`, if it came from one.
pub fn converted_into(conn: &mut AnyConnection, account: AccountId, lead: LeadId) -> QueryResult<Option<ProspectRow>> {
    one_in_account!(conn, prospects as ProspectRow, account, lead_id = Some(lead))
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: ProspectId) -> QueryResult<Option<ProspectRow>> {
    one_in_account!(conn, prospects as ProspectRow, account, id = id)
}

pub fn find_by_name(
    conn: &mut AnyConnection,
    account: AccountId,
    owner: UserId,
    name: &str,
) -> QueryResult<Option<ProspectRow>> {
    prospects::table
        .filter(prospects::account_id.eq(account))
        .filter(prospects::owner_id.eq(owner))
        .filter(prospects::name.eq(name))
        .order(prospects::id.asc())
        .select(ProspectRow::as_select())
        .get_result(conn)
        .optional()
}

/// The account's prospects, newest first; only `owner`'s when given.
pub fn list(conn: &mut AnyConnection, account: AccountId, owner: Option<UserId>) -> QueryResult<Vec<ProspectLine>> {
    let mut query = prospects::table
        .inner_join(users::table.on(users::id.eq(prospects::owner_id)))
        .filter(prospects::account_id.eq(account))
        .order(prospects::id.desc())
        .select((ProspectRow::as_select(), users::name))
        .into_boxed();
    if let Some(owner) = owner {
        query = query.filter(prospects::owner_id.eq(owner));
    }
    query.load(conn)
}

/// Every prospect of the account by (owner, name): the first when names repeat.
pub fn ids_by_owner_and_name(
    conn: &mut AnyConnection,
    account: AccountId,
) -> QueryResult<std::collections::HashMap<(UserId, String), ProspectId>> {
    let rows: Vec<(ProspectId, UserId, String)> = prospects::table
        .filter(prospects::account_id.eq(account))
        .order(prospects::id.desc())
        .select((prospects::id, prospects::owner_id, prospects::name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, owner, name)| ((owner, name), id)).collect())
}

/// Creates prospects in multi-row statements: (owner, name).
pub fn insert_many(
    conn: &mut AnyConnection,
    account: AccountId,
    new: &[(UserId, String)],
    now: NaiveDateTime,
) -> QueryResult<()> {
    for chunk in new.chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|(owner, name)| {
                (
                    prospects::account_id.eq(account),
                    prospects::owner_id.eq(*owner),
                    prospects::name.eq(name.as_str()),
                    prospects::created_at.eq(now),
                )
            })
            .collect();
        let insert = diesel::insert_into(prospects::table).values(&rows);
        match conn {
            AnyConnection::Sqlite(c) => insert.execute(c)?,
            AnyConnection::Pg(c) => insert.execute(c)?,
        };
    }
    Ok(())
}

/// The account's prospects after `after` by id, `limit` of them, for the API's pages.
pub fn page_after(
    conn: &mut AnyConnection,
    account: AccountId,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<ProspectRow>> {
    prospects::table
        .filter(prospects::account_id.eq(account))
        .filter(prospects::id.gt(after))
        .order(prospects::id.asc())
        .limit(limit)
        .select(ProspectRow::as_select())
        .load(conn)
}
