//! Checking a sign-in attempt: the throttle, the password, the user's state.

use chrono::{Duration, NaiveDateTime};

use crate::change::ChangeError;
use crate::db::{self, AnyConnection};
use crate::domain::account::Locale;
use crate::domain::language;
use crate::domain::role::Role;
use crate::domain::throttle;
use crate::domain::user::Email;
use crate::password::Passwords;
use crate::store::ids::UserId;
use crate::store::{accounts, login_failures, users};

#[derive(Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Right e-mail and password for an active user.
    /// `locale` is the language the user reads: their preference, else their account's.
    SignedIn { user: UserId, session_version: i64, role: Role, locale: Locale },
    /// Wrong e-mail or wrong password: the same answer for both.
    Refused,
    /// Right password, but the user was deactivated.
    Deactivated,
    /// Too many failures for this e-mail lately: wait this long.
    Throttled(Duration),
}

// A sign-in failure is not account data.
#[allow(clippy::disallowed_methods)]
pub fn attempt(
    conn: &mut AnyConnection,
    passwords: &Passwords,
    typed_email: &str,
    password: &str,
    now: NaiveDateTime,
) -> Result<Attempt, ChangeError> {
    let key = Email::throttle_key(typed_email);
    let failures = login_failures::since(conn, &key, now - throttle::window())?;
    if let Some(wait) = throttle::wait_before_next_attempt(&failures, now) {
        return Ok(Attempt::Throttled(wait));
    }
    let user = match Email::parse(typed_email) {
        Ok(email) => users::find_by_email(conn, email.as_str())?,
        Err(_) => None,
    };
    // Verified even without a user, so an unknown e-mail takes as long as a wrong password.
    let matches = passwords.verify(password, user.as_ref().map(|u| u.password_hash.as_str()));
    match user {
        Some(user) if matches && user.active => {
            login_failures::clear(conn, &key)?;
            let account = accounts::find(conn, user.account_id)?.map(|account| account.locale());
            let locale = language::choose(user.preferred_locale(), account, &[]);
            Ok(Attempt::SignedIn { user: user.id, session_version: user.session_version, role: user.role(), locale })
        }
        Some(user) if matches && !user.active => Ok(Attempt::Deactivated),
        _ => {
            db::write_transaction(conn, |conn| {
                login_failures::record(conn, &key, now, now - throttle::window()).map_err(ChangeError::from)
            })?;
            Ok(Attempt::Refused)
        }
    }
}
