//! Every target history of an account at once: read, and written back re-dated when the
//! account's calendar changes.

use diesel::prelude::*;

use super::objectives::TargetRow;
use crate::db::AnyConnection;
use crate::db::schema::objective_targets;
use crate::domain::ids::{AccountId, ObjectiveId};

/// Every target of the account's objectives, by objective, period and date.
pub fn all(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<(ObjectiveId, TargetRow)>> {
    objective_targets::table
        .filter(objective_targets::account_id.eq(account))
        .order((
            objective_targets::objective_id.asc(),
            objective_targets::period.asc(),
            objective_targets::effective_from.asc(),
        ))
        .select((objective_targets::objective_id, TargetRow::as_select()))
        .load(conn)
}

/// Replaces every target of the account by `targets`.
pub fn replace_all(
    conn: &mut AnyConnection,
    account: AccountId,
    targets: &[(ObjectiveId, TargetRow)],
) -> QueryResult<()> {
    diesel::delete(objective_targets::table.filter(objective_targets::account_id.eq(account))).execute(conn)?;
    for (objective, target) in targets {
        diesel::insert_into(objective_targets::table)
            .values((
                objective_targets::account_id.eq(account),
                objective_targets::objective_id.eq(objective),
                objective_targets::period.eq(target.period.as_str()),
                objective_targets::effective_from.eq(target.effective_from),
                objective_targets::value.eq(target.value),
                objective_targets::set_at.eq(target.set_at),
            ))
            .execute(conn)?;
    }
    Ok(())
}
