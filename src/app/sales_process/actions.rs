//! The account's actions and their results ("outcomes" in code): the work objectives count.

use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::Invalid;
use crate::domain::ids::{ActionId, OutcomeId};
use crate::domain::message::Message;
use crate::domain::recording as words;
use crate::store::actions;

pub use crate::store::actions::{ActionRow as Action, ActionWithOutcomes, OutcomeRow as Outcome};

/// A change to one action, as its page's buttons ask for it.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionOp {
    Rename,
    MoveUp,
    MoveDown,
    Disable,
    Enable,
    Delete,
    AddResult,
}

/// A change to one result.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeOp {
    Rename,
    MoveUp,
    MoveDown,
    Disable,
    Enable,
    Delete,
}

/// The account's actions with their results, in order.
pub fn list(cx: &mut Cx, actor: &Actor) -> Result<Vec<ActionWithOutcomes>, Error> {
    actor.require_manager()?;
    Ok(actions::list(cx.conn, actor.account_id())?)
}

pub fn add(cx: &mut Cx, actor: &Actor, name: &str) -> Result<(), Error> {
    actor.require_manager()?;
    let name = name_of(name)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        if actions::find_action_by_name(cx.conn, account, &name)?.is_some() {
            return Err(invalid("name", Message::new("action-name-taken").arg("name", &name)));
        }
        actions::insert_action(cx.conn, account, &name)?;
        Ok(())
    })
}

/// Applies `op` to the action `id`; `name` is the name typed for a rename or a new result.
pub fn change(cx: &mut Cx, actor: &Actor, id: ActionId, op: ActionOp, name: &str) -> Result<(), Error> {
    actor.require_manager()?;
    let account = actor.account_id();
    let name = match op {
        ActionOp::Rename | ActionOp::AddResult => Some(name_of(name)?),
        _ => None,
    };
    cx.change(account, |cx| {
        let conn = &mut *cx.conn;
        actions::find_action(conn, account, id)?.ok_or(Error::NotFound)?;
        match (op, &name) {
            (ActionOp::Rename, Some(name)) => {
                if actions::find_action_by_name(conn, account, name)?.is_some_and(|other| other.id != id) {
                    return Err(invalid("name", Message::new("action-name-taken").arg("name", name)));
                }
                actions::rename_action(conn, account, id, name)?;
            }
            (ActionOp::AddResult, Some(name)) => {
                if actions::find_outcome_by_name(conn, id, name)?.is_some() {
                    return Err(invalid("name", Message::new("result-name-taken").arg("name", name)));
                }
                actions::insert_outcome(conn, account, id, name)?;
            }
            (ActionOp::MoveUp, _) => actions::move_action(conn, account, id, -1)?,
            (ActionOp::MoveDown, _) => actions::move_action(conn, account, id, 1)?,
            (ActionOp::Disable | ActionOp::Enable, _) => {
                actions::set_action_active(conn, account, id, matches!(op, ActionOp::Enable))?;
            }
            (ActionOp::Delete, _) => {
                if actions::action_used(conn, id)? {
                    return Err(invalid("name", "action-in-use"));
                }
                actions::delete_action(conn, account, id)?;
            }
            (ActionOp::Rename | ActionOp::AddResult, None) => {}
        }
        Ok(())
    })
}

/// Applies `op` to the result `id`; `name` is the name typed for a rename.
pub fn change_outcome(cx: &mut Cx, actor: &Actor, id: OutcomeId, op: OutcomeOp, name: &str) -> Result<(), Error> {
    actor.require_manager()?;
    let account = actor.account_id();
    let name = if matches!(op, OutcomeOp::Rename) { Some(name_of(name)?) } else { None };
    cx.change(account, |cx| {
        let conn = &mut *cx.conn;
        let outcome = actions::find_outcome(conn, account, id)?.ok_or(Error::NotFound)?;
        match (op, &name) {
            (OutcomeOp::Rename, Some(name)) => {
                let other = actions::find_outcome_by_name(conn, outcome.action_id, name)?;
                if other.is_some_and(|other| other.id != id) {
                    return Err(invalid("name", Message::new("result-name-taken").arg("name", name)));
                }
                actions::rename_outcome(conn, account, id, name)?;
            }
            (OutcomeOp::MoveUp, _) => actions::move_outcome(conn, account, id, -1)?,
            (OutcomeOp::MoveDown, _) => actions::move_outcome(conn, account, id, 1)?,
            (OutcomeOp::Disable | OutcomeOp::Enable, _) => {
                actions::set_outcome_active(conn, account, id, matches!(op, OutcomeOp::Enable))?;
            }
            (OutcomeOp::Delete, _) => {
                if actions::outcome_used(conn, id)? {
                    return Err(invalid("name", "result-in-use"));
                }
                actions::delete_outcome(conn, account, id)?;
            }
            (OutcomeOp::Rename, None) => {}
        }
        Ok(())
    })
}

fn name_of(raw: &str) -> Result<String, Error> {
    words::parse_name(raw, "name-required").map_err(|Invalid(m)| invalid("name", m))
}
