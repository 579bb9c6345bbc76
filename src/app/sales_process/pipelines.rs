//! The account's sales pipelines.

use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::Invalid;
use crate::domain::ids::PipelineId;
use crate::domain::message::Message;
use crate::domain::recording as words;
use crate::store::{is_unique_violation, pipelines};

pub use crate::store::pipelines::PipelineRow as Pipeline;

pub fn list(cx: &mut Cx, actor: &Actor) -> Result<Vec<Pipeline>, Error> {
    actor.require_manager()?;
    Ok(pipelines::list(cx.conn, actor.account_id())?)
}

pub fn create(cx: &mut Cx, actor: &Actor, name: &str) -> Result<(), Error> {
    actor.require_manager()?;
    let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        if pipelines::find_by_name(cx.conn, account, &name)?.is_some() {
            return Err(taken(&name));
        }
        pipelines::insert(cx.conn, account, &name, cx.now.naive_utc()).map_err(|e| unique_or(e, &name))?;
        Ok(())
    })
}

pub fn rename(cx: &mut Cx, actor: &Actor, id: PipelineId, name: &str) -> Result<(), Error> {
    actor.require_manager()?;
    let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        pipelines::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
        if pipelines::find_by_name(cx.conn, account, &name)?.is_some_and(|other| other.id != id) {
            return Err(taken(&name));
        }
        pipelines::rename(cx.conn, account, id, &name).map_err(|e| unique_or(e, &name))?;
        Ok(())
    })
}

fn taken(name: &str) -> Error {
    invalid("name", Message::new("pipeline-name-taken").arg("name", name))
}

/// A concurrent writer can still win the race past the check: its unique constraint then
/// speaks, and the answer is the one the check would have given.
fn unique_or(error: diesel::result::Error, name: &str) -> Error {
    if is_unique_violation(&error) { taken(name) } else { error.into() }
}
