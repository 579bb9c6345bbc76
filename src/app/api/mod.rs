//! The JSON API's use cases. A request carries a token; the token acts as its account,
//! with the role of the admin who made it, within its scopes. Every use case here checks
//! the scope it needs and then calls the same use cases as the pages, so that a rule holds
//! whichever front a change comes through.

pub mod activities;
pub mod catalogue;
pub mod idempotency;
pub mod leads;
pub mod objectives;
pub mod prospects;
pub mod results;
pub mod tokens;

use std::collections::HashMap;

use super::{Actor, Cx, Error};
use crate::domain::api::{Scope, Scopes};
use crate::domain::ids::ApiTokenId;
use crate::store::external_ids::{self, Kind};

/// Who calls: a token in force, its scopes, and the actor it acts as.
#[derive(Debug, Clone)]
pub struct Client {
    pub token: ApiTokenId,
    pub scopes: Scopes,
    pub actor: Actor,
}

impl Client {
    /// Refuses a call the token has no scope for.
    pub fn require(&self, scope: Scope) -> Result<&Actor, Error> {
        if self.scopes.allows(scope) { Ok(&self.actor) } else { Err(Error::ScopeMissing(scope)) }
    }

    /// Refuses a call the token has none of these scopes for.
    pub fn require_any(&self, scopes: &[Scope]) -> Result<&Actor, Error> {
        match scopes.iter().find(|s| self.scopes.allows(**s)) {
            Some(_) => Ok(&self.actor),
            None => Err(Error::ScopeMissing(scopes[0])),
        }
    }
}

/// A page of a list, and the cursor of the next one if there is more.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

impl<T> Page<T> {
    /// A page from `limit + 1` rows read after the cursor: the extra one says there is more.
    pub fn of(mut rows: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next = if more { rows.last().map(|last| crate::domain::api::cursor(id(last))) } else { None };
        Page { items: rows, next }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next: self.next }
    }
}

/// Where a list starts: after the cursor's id, or at the start.
pub fn after(cursor: Option<&str>) -> Result<i64, Error> {
    match cursor {
        None => Ok(0),
        Some(cursor) => crate::domain::api::after(cursor).map_err(|invalid| Error::Invalid(field("after", invalid))),
    }
}

/// An external id as sent, checked (none sent: none).
pub fn external_id(sent: Option<&str>) -> Result<Option<String>, Error> {
    sent.map(|id| crate::domain::api::external_id(id).map_err(|invalid| Error::Invalid(field("external_id", invalid))))
        .transpose()
}

/// The sender's own ids of `records` of `kind`, by record.
pub fn externals(cx: &mut Cx, actor: &Actor, kind: Kind, records: &[i64]) -> Result<HashMap<i64, String>, Error> {
    Ok(external_ids::of(cx.conn, actor.account_id(), kind, records)?.into_iter().collect())
}

/// The sender's own id of one record, if it has one.
pub fn external_of(cx: &mut Cx, actor: &Actor, kind: Kind, record: i64) -> Result<Option<String>, Error> {
    Ok(externals(cx, actor, kind, &[record])?.remove(&record))
}

/// The page size asked for, checked.
pub fn limit(asked: Option<i64>) -> Result<i64, Error> {
    crate::domain::api::limit(asked).map_err(|invalid| Error::Invalid(field("limit", invalid)))
}

fn field(
    name: &'static str,
    crate::domain::Invalid(message): crate::domain::Invalid,
) -> crate::domain::form::FieldErrors {
    crate::domain::form::FieldErrors::single(name, message)
}
