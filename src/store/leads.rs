//! Leads, and the revenue their wins credit.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::activities;
use super::buckets::{self, Win};
use crate::db::schema::{leads, pipelines, prospects, users};
use crate::db::{self, AnyConnection};
use crate::domain::ids::{AccountId, LeadId, PipelineId, UserId};
use crate::domain::recording::LeadStatus;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = leads)]
pub struct LeadRow {
    pub id: LeadId,
    pub account_id: AccountId,
    pub pipeline_id: PipelineId,
    pub owner_id: UserId,
    pub title: String,
    pub amount_cents: Option<i64>,
    pub status: LeadStatus,
    pub closed_at: Option<NaiveDateTime>,
    pub closed_on: Option<NaiveDate>,
    pub won_by_id: Option<UserId>,
    pub created_at: NaiveDateTime,
    /// How many times the lead was saved: a form carries the version it showed.
    pub version: i64,
    /// While open: when it is expected to close, and how likely (0 to 100).
    pub estimated_closing_date: Option<NaiveDate>,
    pub probability: Option<i32>,
}

impl LeadRow {
    pub fn status(&self) -> LeadStatus {
        self.status
    }

    /// What the lead credits while it is won.
    pub fn win(&self) -> Option<Win> {
        if self.status() != LeadStatus::Won {
            return None;
        }
        Some(Win {
            account: self.account_id,
            user: self.won_by_id?,
            pipeline: self.pipeline_id,
            day: self.closed_on?,
            cents: self.amount_cents?,
        })
    }
}

/// Every field a lead's form sets. A won lead has closed_at, closed_on and won_by_id.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = leads, treat_none_as_null = true)]
pub struct LeadData {
    pub pipeline_id: PipelineId,
    pub owner_id: UserId,
    pub title: String,
    pub amount_cents: Option<i64>,
    pub status: LeadStatus,
    pub closed_at: Option<NaiveDateTime>,
    pub closed_on: Option<NaiveDate>,
    pub won_by_id: Option<UserId>,
    pub estimated_closing_date: Option<NaiveDate>,
    pub probability: Option<i32>,
}

/// A lead as listed: with its pipeline's and owner's names.
#[derive(Debug, Clone, Queryable)]
pub struct LeadLine {
    pub lead: LeadRow,
    pub pipeline: String,
    pub owner: String,
    pub owner_email: String,
}

pub fn insert(
    conn: &mut AnyConnection,
    account: AccountId,
    data: &LeadData,
    now: NaiveDateTime,
) -> QueryResult<LeadRow> {
    diesel::insert_into(leads::table)
        .values((
            leads::account_id.eq(account),
            leads::pipeline_id.eq(data.pipeline_id),
            leads::owner_id.eq(data.owner_id),
            leads::title.eq(&data.title),
            leads::amount_cents.eq(data.amount_cents),
            leads::status.eq(&data.status),
            leads::closed_at.eq(data.closed_at),
            leads::closed_on.eq(data.closed_on),
            leads::won_by_id.eq(data.won_by_id),
            leads::estimated_closing_date.eq(data.estimated_closing_date),
            leads::probability.eq(data.probability),
            leads::created_at.eq(now),
        ))
        .execute(conn)?;
    let id = LeadId(db::last_insert_id(conn)?);
    let lead = find(conn, account, id)?.ok_or(diesel::result::Error::NotFound)?;
    buckets::replace_win(conn, None, lead.win())?;
    Ok(lead)
}

/// Rewrites a lead and corrects the revenue buckets; `None` when it is not in the account.
pub fn update(
    conn: &mut AnyConnection,
    account: AccountId,
    id: LeadId,
    data: &LeadData,
) -> QueryResult<Option<LeadRow>> {
    let Some(before) = find(conn, account, id)? else { return Ok(None) };
    diesel::update(leads::table.filter(leads::account_id.eq(account)).filter(leads::id.eq(id)))
        .set((data, leads::version.eq(leads::version + 1)))
        .execute(conn)?;
    let after = find(conn, account, id)?.ok_or(diesel::result::Error::NotFound)?;
    buckets::replace_win(conn, before.win(), after.win())?;
    Ok(Some(after))
}

/// Deletes a lead with the activities logged on it, taking back everything they counted.
pub fn delete(conn: &mut AnyConnection, account: AccountId, id: LeadId) -> QueryResult<Option<LeadRow>> {
    let Some(lead) = find(conn, account, id)? else { return Ok(None) };
    activities::delete_on_lead(conn, account, id)?;
    diesel::update(prospects::table.filter(prospects::account_id.eq(account)).filter(prospects::lead_id.eq(id)))
        .set(prospects::lead_id.eq(None::<LeadId>))
        .execute(conn)?;
    diesel::delete(leads::table.filter(leads::account_id.eq(account)).filter(leads::id.eq(id))).execute(conn)?;
    buckets::replace_win(conn, lead.win(), None)?;
    Ok(Some(lead))
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: LeadId) -> QueryResult<Option<LeadRow>> {
    one_in_account!(conn, leads as LeadRow, account, id = id)
}

pub fn find_by_title(
    conn: &mut AnyConnection,
    account: AccountId,
    owner: UserId,
    title: &str,
) -> QueryResult<Option<LeadRow>> {
    leads::table
        .filter(leads::account_id.eq(account))
        .filter(leads::owner_id.eq(owner))
        .filter(leads::title.eq(title))
        .order(leads::id.asc())
        .select(LeadRow::as_select())
        .get_result(conn)
        .optional()
}

/// The account's leads, newest first; only `owner`'s when given.
pub fn list(conn: &mut AnyConnection, account: AccountId, owner: Option<UserId>) -> QueryResult<Vec<LeadLine>> {
    let mut query = leads::table
        .inner_join(pipelines::table)
        .inner_join(users::table.on(users::id.eq(leads::owner_id)))
        .filter(leads::account_id.eq(account))
        .order(leads::id.desc())
        .select((LeadRow::as_select(), pipelines::name, users::name, users::email))
        .into_boxed();
    if let Some(owner) = owner {
        query = query.filter(leads::owner_id.eq(owner));
    }
    query.load(conn)
}

/// Every lead of the account by (owner, title): the first when titles repeat.
pub fn ids_by_owner_and_title(
    conn: &mut AnyConnection,
    account: AccountId,
) -> QueryResult<std::collections::HashMap<(UserId, String), LeadId>> {
    let rows: Vec<(LeadId, UserId, String)> = leads::table
        .filter(leads::account_id.eq(account))
        .order(leads::id.desc())
        .select((leads::id, leads::owner_id, leads::title))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, owner, title)| ((owner, title), id)).collect())
}

/// Creates open leads (to do, no amount) in multi-row statements: (owner, pipeline, title).
pub fn insert_many_open(
    conn: &mut AnyConnection,
    account: AccountId,
    new: &[(UserId, PipelineId, String)],
    now: NaiveDateTime,
) -> QueryResult<()> {
    for chunk in new.chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|(owner, pipeline, title)| {
                (
                    leads::account_id.eq(account),
                    leads::pipeline_id.eq(*pipeline),
                    leads::owner_id.eq(*owner),
                    leads::title.eq(title.as_str()),
                    leads::status.eq(LeadStatus::Todo.as_str()),
                    leads::created_at.eq(now),
                )
            })
            .collect();
        let insert = diesel::insert_into(leads::table).values(&rows);
        match conn {
            AnyConnection::Sqlite(c) => insert.execute(c)?,
            AnyConnection::Pg(c) => insert.execute(c)?,
        };
    }
    Ok(())
}

/// The won leads credited to `users` over local dates [start, end), latest first, one
/// page at a time: the records behind a sales figure.
pub fn won_between(
    conn: &mut AnyConnection,
    account: AccountId,
    users_in: &[UserId],
    pipeline: Option<PipelineId>,
    (start, end): (NaiveDate, NaiveDate),
    (limit, offset): (i64, i64),
) -> QueryResult<Vec<LeadLine>> {
    let mut query = leads::table
        .inner_join(pipelines::table)
        .inner_join(users::table.on(users::id.nullable().eq(leads::won_by_id)))
        .filter(leads::account_id.eq(account))
        .filter(leads::status.eq(LeadStatus::Won.as_str()))
        .filter(leads::won_by_id.eq_any(users_in.iter().map(|u| Some(*u)).collect::<Vec<_>>()))
        .filter(leads::closed_on.ge(start))
        .filter(leads::closed_on.lt(end))
        .order((leads::closed_at.desc(), leads::id.desc()))
        .limit(limit)
        .offset(offset)
        .select((LeadRow::as_select(), pipelines::name, users::name, users::email))
        .into_boxed();
    if let Some(pipeline) = pipeline {
        query = query.filter(leads::pipeline_id.eq(pipeline));
    }
    query.load(conn)
}

/// The open pipeline of `users` expected to close over local dates [start, end): per owner,
/// the amounts (cents) and the count of leads, each weighed by its probability. Open leads
/// are few next to the history, and read through their own index.
pub fn weighted_open_by_owner(
    conn: &mut AnyConnection,
    account: AccountId,
    users: &[UserId],
    pipeline: Option<PipelineId>,
    (start, end): (NaiveDate, NaiveDate),
) -> QueryResult<std::collections::BTreeMap<UserId, (f64, f64)>> {
    let mut query = leads::table
        .filter(leads::account_id.eq(account))
        .filter(leads::estimated_closing_date.ge(start))
        .filter(leads::estimated_closing_date.lt(end))
        .filter(leads::status.eq_any([LeadStatus::Todo, LeadStatus::Standby]))
        .select((leads::owner_id, leads::amount_cents, leads::probability))
        .into_boxed();
    if let Some(pipeline) = pipeline {
        query = query.filter(leads::pipeline_id.eq(pipeline));
    }
    let mut totals = std::collections::BTreeMap::new();
    for (owner, cents, probability) in query.load::<(UserId, Option<i64>, Option<i32>)>(conn)? {
        if !users.contains(&owner) {
            continue;
        }
        let likelihood = f64::from(probability.unwrap_or(0)) / 100.0;
        let total: &mut (f64, f64) = totals.entry(owner).or_default();
        total.0 += cents.unwrap_or(0) as f64 * likelihood;
        total.1 += likelihood;
    }
    Ok(totals)
}

/// Up to `limit` of the account's leads with ids above `after`, in id order.
pub fn page_after(conn: &mut AnyConnection, account: AccountId, after: i64, limit: i64) -> QueryResult<Vec<LeadRow>> {
    leads::table
        .filter(leads::account_id.eq(account))
        .filter(leads::id.gt(after))
        .order(leads::id.asc())
        .limit(limit)
        .select(LeadRow::as_select())
        .load(conn)
}
