//! Signing in and out: the throttle, the password, the user's state, and the server-side
//! session that follows (see `store::sessions`).
//!
//! The throttle and the sessions are not an account's data: they are written in their own
//! small transactions, which count in no account's revision.
#![allow(clippy::disallowed_methods)]

use std::net::IpAddr;

use chrono::Duration;

use std::sync::Arc;

use crate::app::{self, Actor, Cx};
use crate::db;
use crate::domain::account::Locale;
use crate::domain::ids::UserId;
use crate::domain::language;
use crate::domain::session::SessionPolicy;
use crate::domain::throttle::{self, Scope};
use crate::domain::user::Email;
use crate::domain::user::NewPassword;
use crate::password;
use crate::store::sessions::{self, SessionRow};
use crate::store::users::{self, UserRow};
use crate::store::{accounts, password_links, sign_in_throttle};

/// What was typed on the sign-in form, and from where.
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub client: IpAddr,
}

#[derive(Debug)]
pub enum Attempt {
    /// The password is right for these active users (one per account the e-mail is in):
    /// with one, sign in; with several, the person chooses the account.
    Verified(Vec<UserRow>),
    /// Wrong e-mail, wrong password or a deactivated user: the same answer for all three.
    Refused,
    /// Too many failures lately from this client (for this e-mail, or for any): wait.
    Throttled(Duration),
}

/// The throttle's keys for an attempt: the pair (e-mail, client) and the client. The
/// e-mail is hashed, so that the key has a fixed length and no byte of what was typed.
fn keys(credentials: &Credentials) -> [(Scope, String); 2] {
    let email = password::token_hash(&Email::throttle_key(credentials.email));
    [
        (Scope::Pair, format!("pair:{email}:{}", credentials.client)),
        (Scope::Client, format!("client:{}", credentials.client)),
    ]
}

/// Checks an attempt: it is counted as a failure before its password is verified (so that
/// parallel guesses are counted exactly) and given back if it was right.
pub fn attempt(cx: &mut Cx, credentials: &Credentials) -> Result<Attempt, app::Error> {
    let (conn, passwords, now) = (&mut *cx.conn, cx.passwords, cx.now.naive_utc());
    let keys = keys(credentials);
    let waited = db::write_transaction(conn, |conn| {
        let mut counters = Vec::new();
        for (scope, key) in &keys {
            counters.push((*scope, key, sign_in_throttle::lock(conn, key, now)?.current(now)));
        }
        if let Some(wait) = counters.iter().filter_map(|(_, _, counter)| counter.wait(now)).max() {
            return Ok(Some(wait));
        }
        for (scope, key, counter) in counters {
            sign_in_throttle::save(conn, key, &counter.failed(scope, now))?;
        }
        sign_in_throttle::forget_old(conn, now - throttle::window(), now)?;
        Ok::<_, app::Error>(None)
    })?;
    if let Some(wait) = waited {
        return Ok(Attempt::Throttled(wait));
    }
    let candidates = match Email::parse(credentials.email) {
        Ok(email) => users::with_email(conn, email.as_str())?,
        Err(_) => Vec::new(),
    };
    let verified: Vec<UserRow> = if candidates.is_empty() {
        // Verified against nothing, so an unknown e-mail takes as long as a wrong password.
        passwords.verify(credentials.password, None);
        Vec::new()
    } else {
        candidates
            .into_iter()
            .filter(|user| passwords.verify(credentials.password, Some(&user.password_hash)))
            .collect()
    };
    let verified: Vec<UserRow> = verified.into_iter().filter(|user| user.active).collect();
    if verified.is_empty() {
        return Ok(Attempt::Refused);
    }
    db::write_transaction(conn, |conn| {
        for (scope, key) in &keys {
            let counter = sign_in_throttle::lock(conn, key, now)?;
            sign_in_throttle::save(conn, key, &counter.succeeded(*scope, now))?;
        }
        Ok::<_, app::Error>(())
    })?;
    Ok(Attempt::Verified(verified))
}

/// A session begun: the token for the cookie, and the language the user reads.
#[derive(Debug)]
pub struct Started {
    pub token: String,
    pub user: UserRow,
    pub locale: Locale,
    /// Whether the account's edition has sales objectives: where a rep lands.
    pub sales_objectives: bool,
}

/// Begins a session for `user` (who must still be active), forgetting expired ones.
pub fn start_session(cx: &mut Cx, user: UserId, policy: &SessionPolicy) -> Result<Started, app::Error> {
    let (conn, now) = (&mut *cx.conn, cx.now.naive_utc());
    let user = users::find(conn, user)?.filter(|u| u.active).ok_or(app::Error::NotFound)?;
    let token = password::random_token();
    let row = SessionRow {
        id: password::token_hash(&token),
        account_id: user.account_id,
        user_id: user.id,
        user_version: user.session_version,
        created_at: now,
        last_seen_at: now,
    };
    db::write_transaction(conn, |conn| {
        sessions::delete_expired(conn, now - policy.idle, now - policy.lifetime)?;
        sessions::insert(conn, &row).map_err(app::Error::from)
    })?;
    let account = accounts::find(conn, user.account_id)?;
    let locale = language::choose(user.preferred_locale(), account.as_ref().map(|a| a.locale()), &[]);
    let sales_objectives = account.is_some_and(|a| a.edition().has_sales_objectives());
    Ok(Started { token, user, locale, sales_objectives })
}

/// Who a live session is: the actor, and their name and language as pages show them.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub actor: Actor,
    pub name: String,
    pub email: String,
    /// The language the user chose in My account, if any.
    pub preferred_locale: Option<Locale>,
    /// The id of the server-side session (kept when the user ends their other ones).
    pub session_id: String,
}

/// The session a cookie's `token` names, with its user, if it is still alive at `now`:
/// its row exists, it is neither idle too long nor too old, its user is active and has not
/// ended older sessions since. Its use is written down about once a minute.
pub fn resume_session(cx: &mut Cx, token: &str, policy: &SessionPolicy) -> Result<Option<SignedIn>, app::Error> {
    let (conn, now) = (&mut *cx.conn, cx.now.naive_utc());
    let id = password::token_hash(token);
    let Some((session, user)) = sessions::find(conn, &id)? else { return Ok(None) };
    let alive = policy.is_alive(session.created_at, session.last_seen_at, now)
        && user.active
        && user.session_version == session.user_version;
    if !alive {
        db::write_transaction(conn, |conn| sessions::delete(conn, &id).map_err(app::Error::from))?;
        return Ok(None);
    }
    if policy.needs_touch(session.last_seen_at, now) {
        // Losing one touch only shortens the idle time counted: never worth failing the request.
        if let Err(error) =
            db::write_transaction(conn, |conn| sessions::touch(conn, &id, now).map_err(app::Error::from))
        {
            tracing::warn!(%error, "a session's last use could not be written down");
        }
    }
    let Some(account) = accounts::find(conn, user.account_id)? else { return Ok(None) };
    Ok(Some(SignedIn {
        actor: Actor { user: user.id, role: user.role, account: Arc::new(account) },
        name: user.name,
        email: user.email,
        preferred_locale: user.locale,
        session_id: id,
    }))
}

/// Ends the session a cookie's `token` names.
pub fn end_session(cx: &mut Cx, token: &str) -> Result<(), app::Error> {
    let conn = &mut *cx.conn;
    let id = password::token_hash(token);
    db::write_transaction(conn, |conn| sessions::delete(conn, &id).map(drop).map_err(app::Error::from))
}

/// The id a cookie's session token is stored under.
pub fn session_id(token: &str) -> String {
    password::token_hash(token)
}

/// Whether a set-password link is still good (to show its form, or say it expired).
pub fn link_is_valid(cx: &mut Cx, token: &str) -> Result<bool, app::Error> {
    Ok(password_links::find(cx.conn, &password::token_hash(token), cx.now.naive_utc())?.is_some())
}

/// Sets a password through a one-time link, which then stops working. The link is
/// checked before the password is hashed: a forged token costs no hashing.
pub fn use_link(cx: &mut Cx, token: &str, password: &NewPassword) -> Result<(), app::Error> {
    let token_hash = password::token_hash(token);
    let now = cx.now.naive_utc();
    let (account, _) = password_links::find(cx.conn, &token_hash, now)?.ok_or(app::Error::NotFound)?;
    let hash = cx.passwords.hash(password)?;
    cx.change(account, |cx| {
        // Read again under the lock: the same link used twice at once sets one password.
        let (_, user) = password_links::find(cx.conn, &token_hash, now)?.ok_or(app::Error::NotFound)?;
        users::set_password(cx.conn, user, &hash)?;
        password_links::delete_for(cx.conn, user)?;
        Ok(())
    })
}

/// What a sign-in comes to.
#[derive(Debug)]
pub enum SignIn {
    /// One account: its session has begun.
    Started(Started),
    /// The password is right in several accounts: the person chooses among these users.
    Choose(Vec<UserId>),
    Refused,
    Throttled(Duration),
}

/// Checks `credentials` and, when they open one account, begins its session.
pub fn sign_in(cx: &mut Cx, credentials: &Credentials, policy: &SessionPolicy) -> Result<SignIn, app::Error> {
    Ok(match attempt(cx, credentials)? {
        Attempt::Verified(users) if users.len() == 1 => SignIn::Started(start_session(cx, users[0].id, policy)?),
        Attempt::Verified(users) => SignIn::Choose(users.iter().map(|u| u.id).collect()),
        Attempt::Refused => SignIn::Refused,
        Attempt::Throttled(wait) => SignIn::Throttled(wait),
    })
}

/// The accounts of the users offered to choose from: (user, account name), active users only.
pub fn choices(cx: &mut Cx, offered: &[UserId]) -> Result<Vec<(UserId, String)>, app::Error> {
    let mut choices = Vec::new();
    for id in offered {
        if let Some(user) = users::find(cx.conn, *id)?.filter(|u| u.active) {
            let account = accounts::find(cx.conn, user.account_id)?.map(|a| a.name).unwrap_or_default();
            choices.push((user.id, account));
        }
    }
    Ok(choices)
}
