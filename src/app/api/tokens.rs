//! Control Panel › API tokens (admins): make a named, scoped token, shown once; list them
//! with their last use; revoke one. And the check every API request starts with.

use std::sync::Arc;

use chrono::TimeDelta;

use super::Client;
use crate::app::audit::{self, Event};
use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::api::{self, Scopes};
use crate::domain::form::FieldErrors;
use crate::domain::ids::ApiTokenId;
use crate::store::api_tokens::{self, NewApiToken};
use crate::store::{accounts, api_requests, users};

pub use crate::store::api_tokens::ApiTokenRow as ApiToken;

/// A token as the list shows it, with the name of the admin who made it.
pub struct Listed {
    pub token: ApiToken,
    pub made_by: String,
}

/// The new-token form, as typed; `scopes` repeats once per box ticked.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct TokenForm {
    pub name: String,
    pub scopes: Vec<String>,
}

/// A token just made, with its secret: the only time anyone sees it.
pub struct Made {
    pub token: ApiToken,
    pub secret: String,
}

pub fn list(cx: &mut Cx, actor: &Actor) -> Result<Vec<Listed>, Error> {
    actor.require_admin()?;
    let rows = api_tokens::list(cx.conn, actor.account_id())?;
    Ok(rows.into_iter().map(|(token, made_by)| Listed { token, made_by }).collect())
}

pub fn create(cx: &mut Cx, actor: &Actor, form: &TokenForm) -> Result<Made, Error> {
    actor.require_admin()?;
    let mut errors = FieldErrors::new();
    let name = errors.check("name", api::token_name(&form.name));
    let scopes = errors.check("scopes", Scopes::parse(&form.scopes.join(" ")));
    if scopes.as_ref().is_some_and(Scopes::is_empty) {
        errors.add("scopes", "api-token-scopes-required");
    }
    errors.into_result()?;
    let (Some(name), Some(scopes)) = (name, scopes) else { return Err(invalid("name", "api-token-name-required")) };
    let mut bytes = [0u8; api::SECRET_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| Error::Internal(anyhow::anyhow!("no random bytes: {e}")))?;
    let secret = api::secret_from(&bytes);
    let (hash, prefix, stored) = (api::secret_hash(&secret), api::secret_prefix(&secret), scopes.stored());
    let token = cx.change(actor.account_id(), |cx| {
        let new = NewApiToken {
            account_id: actor.account_id(),
            name: &name,
            scopes: &stored,
            secret_hash: &hash,
            prefix: &prefix,
            created_by: actor.user,
            created_at: cx.now.naive_utc(),
        };
        let token = api_tokens::insert(cx.conn, &new)?;
        let event = Event::ApiTokenCreated { name: name.clone(), scopes: stored.clone() };
        audit::record(cx.conn, actor.account_id(), Some(actor.user), &event, cx.now)?;
        Ok(token)
    })?;
    Ok(Made { token, secret })
}

/// A token still in force, to revoke: one already revoked, or another account's, is not
/// found.
pub fn revocable(cx: &mut Cx, actor: &Actor, id: ApiTokenId) -> Result<ApiToken, Error> {
    actor.require_admin()?;
    api_tokens::find(cx.conn, actor.account_id(), id)?.filter(|t| t.revoked_at.is_none()).ok_or(Error::NotFound)
}

/// Revokes a token: refused from the next request on. One already revoked, or another
/// account's, is not found.
pub fn revoke(cx: &mut Cx, actor: &Actor, id: ApiTokenId) -> Result<ApiToken, Error> {
    actor.require_admin()?;
    cx.change(actor.account_id(), |cx| {
        let token = api_tokens::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
        if !api_tokens::revoke(cx.conn, actor.account_id(), id, cx.now.naive_utc())? {
            return Err(Error::NotFound);
        }
        let event = Event::ApiTokenRevoked { name: token.name.clone() };
        audit::record(cx.conn, actor.account_id(), Some(actor.user), &event, cx.now)?;
        Ok(token)
    })
}

/// How often a token's last use is written down.
fn touch_every() -> TimeDelta {
    TimeDelta::minutes(1)
}

/// The client a secret names, if it is in force: not revoked, and made by someone who is
/// still an active admin of the account (a token never outlasts its maker's rights).
pub fn authenticate(cx: &mut Cx, secret: &str) -> Result<Option<Client>, Error> {
    if !api::looks_like_secret(secret) {
        return Ok(None);
    }
    let Some(token) = api_tokens::by_secret_hash(cx.conn, &api::secret_hash(secret))? else { return Ok(None) };
    if token.revoked_at.is_some() {
        return Ok(None);
    }
    let Some(maker) = users::find(cx.conn, token.created_by)? else { return Ok(None) };
    if !maker.active || !maker.role.administers() || maker.account_id != token.account_id {
        return Ok(None);
    }
    let Some(account) = accounts::find(cx.conn, token.account_id)? else { return Ok(None) };
    let Ok(scopes) = Scopes::parse(&token.scopes) else { return Ok(None) };
    let now = cx.now.naive_utc();
    if token.last_used_at.is_none_or(|at| at < now - touch_every()) {
        // Losing one note of use is never worth failing the request. Answers kept for
        // retries are forgotten then too, once they are old enough.
        let forget = now - super::idempotency::kept_for();
        #[allow(clippy::disallowed_methods)] // not the account's data: its revision stays
        let noted = crate::db::write_transaction(cx.conn, |conn| {
            api_tokens::touch(conn, token.id, now, now - touch_every())?;
            api_requests::forget_before(conn, token.account_id, forget).map(drop).map_err(Error::from)
        });
        if let Err(error) = noted {
            tracing::warn!(%error, "an API token's last use could not be written down");
        }
    }
    let actor = Actor { user: maker.id, role: maker.role, account: Arc::new(account) };
    Ok(Some(Client { token: token.id, scopes, actor }))
}
