//! Requests sent with an `Idempotency-Key`: the first one's change and its answer are
//! written in one transaction, so a retry (even one sent while the first still runs) gets
//! the same answer and changes nothing.

use chrono::TimeDelta;

use crate::app::{Actor, Cx, Error};
use crate::store::api_requests;

/// A request's key, and what the request was (method, path, body).
#[derive(Debug, Clone)]
pub struct Keyed {
    pub key: String,
    pub fingerprint: String,
}

/// An answer as sent: its status and JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// Whether it is a retry's: the answer kept from the first request.
    pub replayed: bool,
}

impl Answer {
    pub fn new(status: u16, body: String) -> Self {
        Answer { status, body, replayed: false }
    }
}

/// The write lock a keyed change runs under: the one its use case takes itself.
#[derive(Debug, Clone, Copy)]
pub enum Lock {
    /// It only adds records (an activity logged).
    Append,
    /// It corrects what is there.
    Change,
    /// It writes many records at once, as an import does.
    Bulk,
}

/// How long a key is kept for retries.
pub fn kept_for() -> TimeDelta {
    TimeDelta::hours(24)
}

/// Runs `write` in a write transaction under `lock`, once for the request `keyed` names:
/// the first time it keeps its answer; a retry gets the kept answer. A key sent again with
/// another request is refused. A write refused (bad input) keeps nothing, so that the retry
/// of a fixed request runs. Keys are the account's, whichever of its tokens sent them.
pub fn once(
    cx: &mut Cx,
    actor: &Actor,
    keyed: Option<&Keyed>,
    lock: Lock,
    mut write: impl FnMut(&mut Cx) -> Result<Answer, Error>,
) -> Result<Answer, Error> {
    let account = actor.account_id();
    let Some(keyed) = keyed else { return locked(cx, actor, lock, write) };
    if let Some(kept) = kept(cx, actor, Some(keyed))? {
        return Ok(kept);
    }
    let run = |cx: &mut Cx| {
        if !api_requests::claim(cx.conn, account, &keyed.key, &keyed.fingerprint, cx.now.naive_utc())? {
            return Ok(None);
        }
        let answer = write(cx)?;
        api_requests::answer(cx.conn, account, &keyed.key, i32::from(answer.status), &answer.body)?;
        Ok(Some(answer))
    };
    match locked(cx, actor, lock, run)? {
        Some(answer) => Ok(answer),
        // Claimed meanwhile by a request that has committed since: its answer is there.
        None => replay(api_requests::find(cx.conn, account, &keyed.key)?.ok_or(Error::Busy(crate::db::Busy))?, keyed),
    }
}

/// The answer kept for the request `keyed` names, if it ran before: a use case that checks
/// its input before `once` asks first, so that a retry gets the first answer even where
/// the check would now refuse (a record it named deleted since).
pub fn kept(cx: &mut Cx, actor: &Actor, keyed: Option<&Keyed>) -> Result<Option<Answer>, Error> {
    let Some(keyed) = keyed else { return Ok(None) };
    match api_requests::find(cx.conn, actor.account_id(), &keyed.key)? {
        Some(kept) => replay(kept, keyed).map(Some),
        None => Ok(None),
    }
}

/// `write` in a write transaction that takes the account's lock as `lock` says.
fn locked<T>(
    cx: &mut Cx,
    actor: &Actor,
    lock: Lock,
    write: impl FnMut(&mut Cx) -> Result<T, Error>,
) -> Result<T, Error> {
    match lock {
        Lock::Append => cx.append(actor.account_id(), write),
        Lock::Change => cx.change(actor.account_id(), write),
        Lock::Bulk => cx.bulk(actor.account_id(), write),
    }
}

fn replay(kept: api_requests::KeptAnswer, keyed: &Keyed) -> Result<Answer, Error> {
    if kept.fingerprint != keyed.fingerprint {
        return Err(Error::KeyReused);
    }
    let status =
        u16::try_from(kept.status).map_err(|_| Error::Internal(anyhow::anyhow!("a kept status out of range")))?;
    Ok(Answer { status, body: kept.body, replayed: true })
}
