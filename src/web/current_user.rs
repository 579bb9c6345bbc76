//! The signed-in user, and the role gates built on it. Authorisation happens here, once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use chrono::Utc;

use super::session::TypedSession;
use super::{AppError, AppState, with_conn};
use crate::domain::account::Locale;
use crate::domain::language;
use crate::domain::money::MoneyStyle;
use crate::domain::role::Role;
use crate::sign_in;
use crate::store::accounts::{self, AccountRow};
use crate::store::users::UserRow;

/// The signed-in, active user with their account, for a session the server still holds
/// (see `sign_in::resume_session`).
pub struct CurrentUser {
    pub user: UserRow,
    pub account: AccountRow,
    pub session: TypedSession,
    /// The id of the server-side session (to keep it when the user ends their others).
    pub session_id: String,
    /// The language the user reads: their preference, else the account's.
    pub locale: Locale,
}

impl CurrentUser {
    pub fn role(&self) -> Role {
        self.user.role()
    }

    /// Money in the account's currency, written the reader's way.
    pub fn money(&self) -> MoneyStyle {
        MoneyStyle { currency: self.account.currency.clone(), locale: self.locale }
    }
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = TypedSession::from_session(actix_session::SessionExt::get_session(req));
        let state = req.app_data::<Data<AppState>>().cloned();
        let htmx = super::error::is_htmx(req);
        let accepted = super::i18n::accepted_languages(req);
        let request = req.clone();
        let next = match req.uri().path_and_query() {
            Some(pq) => pq.as_str().to_owned(),
            None => "/".to_owned(),
        };
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))?;
            let unauthenticated = || AppError::Unauthenticated { next: next.clone(), htmx };
            let token = session.token().ok_or_else(unauthenticated)?;
            let policy = state.sessions;
            let session_id = sign_in::session_id(&token);
            let found = with_conn(&state.pool, move |conn| {
                let Some(user) = sign_in::resume_session(conn, &token, &policy, Utc::now().naive_utc())? else {
                    return Ok(None);
                };
                let account = accounts::find(conn, user.account_id)?;
                Ok(account.map(|account| (user, account)))
            })
            .await?;
            match found {
                Some((user, account)) => {
                    let locale = language::choose(user.preferred_locale(), Some(account.locale()), &accepted);
                    // Error pages rendered later in this request speak the same language.
                    request.extensions_mut().insert(locale);
                    Ok(CurrentUser { user, account, session, session_id, locale })
                }
                None => {
                    session.sign_out();
                    Err(unauthenticated())
                }
            }
        })
    }
}

/// A manager or an admin.
pub struct RequireManager(pub CurrentUser);

/// An admin.
pub struct RequireAdmin(pub CurrentUser);

macro_rules! role_gate {
    ($gate:ident, $allowed:expr) => {
        impl FromRequest for $gate {
            type Error = AppError;
            type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let current = CurrentUser::from_request(req, payload);
                Box::pin(async move {
                    let current = current.await?;
                    let allowed: fn(Role) -> bool = $allowed;
                    if allowed(current.role()) { Ok($gate(current)) } else { Err(AppError::Forbidden) }
                })
            }
        }
    };
}

role_gate!(RequireManager, Role::manages);
role_gate!(RequireAdmin, Role::administers);

/// A manager or admin of a Dream Team account: the objectives editor (rule 7). A rep is
/// refused (403) whatever the edition; other editions learn which one they need (402).
pub struct ObjectivesEditor(pub CurrentUser);

impl FromRequest for ObjectivesEditor {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let manager = RequireManager::from_request(req, payload);
        Box::pin(async move {
            let RequireManager(current) = manager.await?;
            if current.account.edition().has_sales_objectives() {
                Ok(ObjectivesEditor(current))
            } else {
                Err(AppError::EditionRequired)
            }
        })
    }
}

/// Anyone of a Dream Team account: the statistics they may read are narrowed to their own
/// for a rep (see `statistics::resolve`).
pub struct SalesObjectivesReader(pub CurrentUser);

impl FromRequest for SalesObjectivesReader {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let current = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let current = current.await?;
            if current.account.edition().has_sales_objectives() {
                Ok(SalesObjectivesReader(current))
            } else {
                Err(AppError::EditionRequired)
            }
        })
    }
}
