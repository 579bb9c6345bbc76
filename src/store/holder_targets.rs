//! Holders' own targets: one effective-dated history per assignment and period kind.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::holder_targets;
use crate::domain::ids::{AccountId, ObjectiveId, UserId};
use crate::domain::period::PeriodKind;

/// One entry of a holder's history: `value` none from where they follow the objective's
/// target again.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = holder_targets)]
pub struct HolderTargetRow {
    pub user_id: UserId,
    pub period: PeriodKind,
    pub effective_from: NaiveDate,
    pub value: Option<i64>,
    pub set_at: NaiveDateTime,
}

/// Every holder's entries for the objective, by holder, period and date.
pub fn of_objective(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
) -> QueryResult<Vec<HolderTargetRow>> {
    holder_targets::table
        .filter(holder_targets::account_id.eq(account))
        .filter(holder_targets::objective_id.eq(objective))
        .order((holder_targets::user_id.asc(), holder_targets::period.asc(), holder_targets::effective_from.asc()))
        .select(HolderTargetRow::as_select())
        .load(conn)
}

/// Every entry of the account's objectives, by objective, holder, period and date.
pub fn all(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<(ObjectiveId, HolderTargetRow)>> {
    holder_targets::table
        .filter(holder_targets::account_id.eq(account))
        .order((
            holder_targets::objective_id.asc(),
            holder_targets::user_id.asc(),
            holder_targets::period.asc(),
            holder_targets::effective_from.asc(),
        ))
        .select((holder_targets::objective_id, HolderTargetRow::as_select()))
        .load(conn)
}

/// Writes `entry` for the holder, replacing one of the same period and date.
pub fn set(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
    entry: &HolderTargetRow,
) -> QueryResult<()> {
    remove(conn, account, objective, entry.user_id, entry.period, entry.effective_from)?;
    diesel::insert_into(holder_targets::table)
        .values((
            holder_targets::account_id.eq(account),
            holder_targets::objective_id.eq(objective),
            holder_targets::user_id.eq(entry.user_id),
            holder_targets::period.eq(entry.period.as_str()),
            holder_targets::effective_from.eq(entry.effective_from),
            holder_targets::value.eq(entry.value),
            holder_targets::set_at.eq(entry.set_at),
        ))
        .execute(conn)
        .map(drop)
}

pub fn remove(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
    user: UserId,
    period: PeriodKind,
    effective_from: NaiveDate,
) -> QueryResult<usize> {
    diesel::delete(
        holder_targets::table
            .filter(holder_targets::account_id.eq(account))
            .filter(holder_targets::objective_id.eq(objective))
            .filter(holder_targets::user_id.eq(user))
            .filter(holder_targets::period.eq(period.as_str()))
            .filter(holder_targets::effective_from.eq(effective_from)),
    )
    .execute(conn)
}

/// Forgets a holder's whole history: their assignment goes.
pub fn remove_holder(
    conn: &mut AnyConnection,
    account: AccountId,
    objective: ObjectiveId,
    user: UserId,
) -> QueryResult<usize> {
    diesel::delete(
        holder_targets::table
            .filter(holder_targets::account_id.eq(account))
            .filter(holder_targets::objective_id.eq(objective))
            .filter(holder_targets::user_id.eq(user)),
    )
    .execute(conn)
}

/// Replaces every entry of the account by `entries` (a calendar change re-dates them).
pub fn replace_all(
    conn: &mut AnyConnection,
    account: AccountId,
    entries: &[(ObjectiveId, HolderTargetRow)],
) -> QueryResult<()> {
    diesel::delete(holder_targets::table.filter(holder_targets::account_id.eq(account))).execute(conn)?;
    for (objective, entry) in entries {
        set(conn, account, *objective, entry)?;
    }
    Ok(())
}
