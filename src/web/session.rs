//! The typed session: who is signed in (user id and the session version it was issued
//! for), since when, and the CSRF token. It lives in an encrypted cookie.

use std::future::{Ready, ready};

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use chrono::{Duration, Utc};

use crate::password::random_token;
use crate::store::ids::UserId;

const USER_ID: &str = "user_id";
const SESSION_VERSION: &str = "session_version";
const SIGNED_IN_AT: &str = "signed_in_at";
const CSRF_TOKEN: &str = "csrf_token";
const FLASH: &str = "flash";

/// A session lasts at most this long after sign-in, whatever the browser keeps.
pub fn max_age() -> Duration {
    Duration::hours(12)
}

pub struct TypedSession(Session);

impl TypedSession {
    pub fn from_session(session: Session) -> Self {
        Self(session)
    }

    /// The session's CSRF token, created on first use.
    pub fn csrf_token(&self) -> String {
        if let Some(token) = self.stored_csrf_token() {
            return token;
        }
        let token = random_token();
        // A session that cannot be written is reported by the middleware on the response.
        let _ = self.0.insert(CSRF_TOKEN, &token);
        token
    }

    pub fn stored_csrf_token(&self) -> Option<String> {
        self.0.get::<String>(CSRF_TOKEN).ok().flatten()
    }

    /// Starts a signed-in session: a new session (against fixation) and a new CSRF token.
    pub fn sign_in(&self, user: UserId, session_version: i64) -> Result<(), actix_session::SessionInsertError> {
        self.0.renew();
        self.0.clear();
        self.0.insert(USER_ID, user)?;
        self.0.insert(SESSION_VERSION, session_version)?;
        self.0.insert(SIGNED_IN_AT, Utc::now().timestamp())?;
        self.0.insert(CSRF_TOKEN, random_token())
    }

    /// The signed-in user and the session version, unless absent or too old.
    pub fn signed_in(&self) -> Option<(UserId, i64)> {
        let user = self.0.get::<UserId>(USER_ID).ok().flatten()?;
        let version = self.0.get::<i64>(SESSION_VERSION).ok().flatten()?;
        let signed_in_at = self.0.get::<i64>(SIGNED_IN_AT).ok().flatten()?;
        let fresh = Utc::now().timestamp() - signed_in_at < max_age().num_seconds();
        fresh.then_some((user, version))
    }

    /// A message for the next page shown: what the last action did.
    pub fn flash(&self, message: &str) {
        // Losing a confirmation is harmless; the change itself is already saved.
        let _ = self.0.insert(FLASH, message);
    }

    /// The pending message, once.
    pub fn take_flash(&self) -> Option<String> {
        self.0.remove_as::<String>(FLASH).and_then(Result::ok)
    }

    pub fn sign_out(&self) {
        self.0.purge();
    }
}

impl FromRequest for TypedSession {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self(req.get_session())))
    }
}
