//! The typed session cookie: the token of the server-side session (`sign_in`), the CSRF
//! token, a flash message, and a pending choice of account. It lives in an encrypted
//! cookie; whether it is still signed in is the database's say (`sign_in::resume_session`).

use std::future::{Ready, ready};

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use chrono::{Duration, Utc};

use crate::domain::ids::UserId;
use crate::password::random_token;

const SESSION_TOKEN: &str = "session";
const CSRF_TOKEN: &str = "csrf_token";
const FLASH: &str = "flash";
const CHOICE: &str = "account_choice";

/// How long a person has to choose the account to sign in to.
fn choice_lifetime() -> Duration {
    Duration::minutes(5)
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

    /// Carries the server-side session `token` from now on: a new cookie (against
    /// fixation) and a new CSRF token.
    pub fn sign_in(&self, token: &str) -> Result<(), actix_session::SessionInsertError> {
        self.0.renew();
        self.0.clear();
        self.0.insert(SESSION_TOKEN, token)?;
        self.0.insert(CSRF_TOKEN, random_token())
    }

    /// The token of the server-side session this cookie carries, if any.
    pub fn token(&self) -> Option<String> {
        self.0.get::<String>(SESSION_TOKEN).ok().flatten()
    }

    /// Remembers, for a few minutes, the users whose password was just verified, one per
    /// account: the person chooses which account to sign in to.
    pub fn offer_choice(&self, users: &[UserId]) -> Result<(), actix_session::SessionInsertError> {
        self.0.renew();
        self.0.insert(CHOICE, (users, Utc::now().timestamp()))
    }

    /// The users offered by `offer_choice`, while the offer lasts.
    pub fn choice(&self) -> Option<Vec<UserId>> {
        let (users, at) = self.0.get::<(Vec<UserId>, i64)>(CHOICE).ok().flatten()?;
        (Utc::now().timestamp() - at < choice_lifetime().num_seconds()).then_some(users)
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
