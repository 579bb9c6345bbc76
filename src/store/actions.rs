//! The account's actions and their outcomes ("results" in the interface).

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{actions, activities, outcomes};
use crate::domain::account::Locale;
use crate::domain::ids::{AccountId, ActionId, OutcomeId};
use crate::domain::sales_process::default_actions;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = actions)]
pub struct ActionRow {
    pub id: ActionId,
    pub account_id: AccountId,
    pub name: String,
    pub position: i32,
    pub active: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outcomes)]
pub struct OutcomeRow {
    pub id: OutcomeId,
    pub account_id: AccountId,
    pub action_id: ActionId,
    pub name: String,
    pub position: i32,
    pub active: bool,
}

/// An action with its outcomes, in order.
#[derive(Debug, Clone)]
pub struct ActionWithOutcomes {
    pub action: ActionRow,
    pub outcomes: Vec<OutcomeRow>,
}

/// Gives a new account the default actions and results of its language.
pub fn seed_defaults(conn: &mut AnyConnection, account: AccountId, locale: Locale) -> QueryResult<()> {
    for (name, outcome_names) in default_actions(locale) {
        let action = insert_action(conn, account, name)?;
        for outcome in *outcome_names {
            insert_outcome(conn, account, action.id, outcome)?;
        }
    }
    Ok(())
}

pub fn insert_action(conn: &mut AnyConnection, account: AccountId, name: &str) -> QueryResult<ActionRow> {
    let position: Option<i32> = actions::table
        .filter(actions::account_id.eq(account))
        .select(diesel::dsl::max(actions::position))
        .get_result(conn)?;
    diesel::insert_into(actions::table)
        .values((
            actions::account_id.eq(account),
            actions::name.eq(name),
            actions::position.eq(position.map_or(1, |p| p + 1)),
            actions::active.eq(true),
        ))
        .execute(conn)?;
    actions::table
        .filter(actions::account_id.eq(account))
        .filter(actions::name.eq(name))
        .select(ActionRow::as_select())
        .get_result(conn)
}

pub fn insert_outcome(
    conn: &mut AnyConnection,
    account: AccountId,
    action: ActionId,
    name: &str,
) -> QueryResult<OutcomeRow> {
    let position: Option<i32> = outcomes::table
        .filter(outcomes::action_id.eq(action))
        .select(diesel::dsl::max(outcomes::position))
        .get_result(conn)?;
    diesel::insert_into(outcomes::table)
        .values((
            outcomes::account_id.eq(account),
            outcomes::action_id.eq(action),
            outcomes::name.eq(name),
            outcomes::position.eq(position.map_or(1, |p| p + 1)),
            outcomes::active.eq(true),
        ))
        .execute(conn)?;
    outcomes::table
        .filter(outcomes::action_id.eq(action))
        .filter(outcomes::name.eq(name))
        .select(OutcomeRow::as_select())
        .get_result(conn)
}

/// Every action of the account with its outcomes, disabled ones included.
pub fn list(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<ActionWithOutcomes>> {
    let actions = actions::table
        .filter(actions::account_id.eq(account))
        .order((actions::position.asc(), actions::id.asc()))
        .select(ActionRow::as_select())
        .load(conn)?;
    let mut outcomes = outcomes::table
        .filter(outcomes::account_id.eq(account))
        .order((outcomes::position.asc(), outcomes::id.asc()))
        .select(OutcomeRow::as_select())
        .load(conn)?;
    Ok(actions
        .into_iter()
        .map(|action| {
            let (mine, rest) = outcomes.drain(..).partition(|o| o.action_id == action.id);
            outcomes = rest;
            ActionWithOutcomes { action, outcomes: mine }
        })
        .collect())
}

pub fn find_action(conn: &mut AnyConnection, account: AccountId, id: ActionId) -> QueryResult<Option<ActionRow>> {
    one_in_account!(conn, actions as ActionRow, account, id = id)
}

pub fn find_action_by_name(conn: &mut AnyConnection, account: AccountId, name: &str) -> QueryResult<Option<ActionRow>> {
    one_in_account!(conn, actions as ActionRow, account, name = name)
}

pub fn find_outcome(conn: &mut AnyConnection, account: AccountId, id: OutcomeId) -> QueryResult<Option<OutcomeRow>> {
    one_in_account!(conn, outcomes as OutcomeRow, account, id = id)
}

pub fn find_outcome_by_name(conn: &mut AnyConnection, action: ActionId, name: &str) -> QueryResult<Option<OutcomeRow>> {
    outcomes::table
        .filter(outcomes::action_id.eq(action))
        .filter(outcomes::name.eq(name))
        .select(OutcomeRow::as_select())
        .get_result(conn)
        .optional()
}

pub fn rename_action(conn: &mut AnyConnection, account: AccountId, id: ActionId, name: &str) -> QueryResult<usize> {
    diesel::update(actions::table.filter(actions::account_id.eq(account)).filter(actions::id.eq(id)))
        .set(actions::name.eq(name))
        .execute(conn)
}

pub fn rename_outcome(conn: &mut AnyConnection, account: AccountId, id: OutcomeId, name: &str) -> QueryResult<usize> {
    diesel::update(outcomes::table.filter(outcomes::account_id.eq(account)).filter(outcomes::id.eq(id)))
        .set(outcomes::name.eq(name))
        .execute(conn)
}

pub fn set_action_active(
    conn: &mut AnyConnection,
    account: AccountId,
    id: ActionId,
    active: bool,
) -> QueryResult<usize> {
    diesel::update(actions::table.filter(actions::account_id.eq(account)).filter(actions::id.eq(id)))
        .set(actions::active.eq(active))
        .execute(conn)
}

pub fn set_outcome_active(
    conn: &mut AnyConnection,
    account: AccountId,
    id: OutcomeId,
    active: bool,
) -> QueryResult<usize> {
    diesel::update(outcomes::table.filter(outcomes::account_id.eq(account)).filter(outcomes::id.eq(id)))
        .set(outcomes::active.eq(active))
        .execute(conn)
}

/// Moves an action one place up (`-1`) or down (`1`) by swapping with its neighbour.
pub fn move_action(conn: &mut AnyConnection, account: AccountId, id: ActionId, step: i32) -> QueryResult<()> {
    let order: Vec<(ActionId, i32)> = actions::table
        .filter(actions::account_id.eq(account))
        .order((actions::position.asc(), actions::id.asc()))
        .select((actions::id, actions::position))
        .load(conn)?;
    let ids: Vec<ActionId> = order.iter().map(|(id, _)| *id).collect();
    for (position, action) in swapped(&ids, id, step).into_iter().enumerate() {
        diesel::update(actions::table.filter(actions::id.eq(action)))
            .set(actions::position.eq(position_number(position)))
            .execute(conn)?;
    }
    Ok(())
}

/// Moves an outcome one place up or down within its action.
pub fn move_outcome(conn: &mut AnyConnection, account: AccountId, id: OutcomeId, step: i32) -> QueryResult<()> {
    let Some(outcome) = find_outcome(conn, account, id)? else { return Ok(()) };
    let ids: Vec<OutcomeId> = outcomes::table
        .filter(outcomes::action_id.eq(outcome.action_id))
        .order((outcomes::position.asc(), outcomes::id.asc()))
        .select(outcomes::id)
        .load(conn)?;
    for (position, each) in swapped(&ids, id, step).into_iter().enumerate() {
        diesel::update(outcomes::table.filter(outcomes::id.eq(each)))
            .set(outcomes::position.eq(position_number(position)))
            .execute(conn)?;
    }
    Ok(())
}

fn position_number(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}

/// `ids` with `id` swapped with its neighbour `step` places away, when there is one.
fn swapped<T: Copy + PartialEq>(ids: &[T], id: T, step: i32) -> Vec<T> {
    let mut ids = ids.to_vec();
    if let Some(at) = ids.iter().position(|each| *each == id) {
        let other = if step < 0 { at.checked_sub(1) } else { Some(at + 1).filter(|i| *i < ids.len()) };
        if let Some(other) = other {
            ids.swap(at, other);
        }
    }
    ids
}

pub fn action_used(conn: &mut AnyConnection, id: ActionId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(activities::table.filter(activities::action_id.eq(id)))).get_result(conn)
}

pub fn outcome_used(conn: &mut AnyConnection, id: OutcomeId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(activities::table.filter(activities::outcome_id.eq(id)))).get_result(conn)
}

/// Deletes an action that no activity used, with its outcomes.
pub fn delete_action(conn: &mut AnyConnection, account: AccountId, id: ActionId) -> QueryResult<usize> {
    diesel::delete(outcomes::table.filter(outcomes::account_id.eq(account)).filter(outcomes::action_id.eq(id)))
        .execute(conn)?;
    diesel::delete(actions::table.filter(actions::account_id.eq(account)).filter(actions::id.eq(id))).execute(conn)
}

pub fn delete_outcome(conn: &mut AnyConnection, account: AccountId, id: OutcomeId) -> QueryResult<usize> {
    diesel::delete(outcomes::table.filter(outcomes::account_id.eq(account)).filter(outcomes::id.eq(id))).execute(conn)
}

#[cfg(test)]
mod tests {
    use super::swapped;

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        assert_eq!(swapped(&[1, 2, 3], 2, -1), [2, 1, 3]);
        assert_eq!(swapped(&[1, 2, 3], 2, 1), [1, 3, 2]);
        assert_eq!(swapped(&[1, 2, 3], 1, -1), [1, 2, 3]);
        assert_eq!(swapped(&[1, 2, 3], 3, 1), [1, 2, 3]);
        assert_eq!(swapped(&[1, 2, 3], 9, 1), [1, 2, 3]);
    }
}
