//! The signed-in user, and the gates built on it. Gates refuse early what a page's use case
//! would refuse anyway (the app layer checks every actor itself): they keep a rep off the
//! Control Panel before anything is read.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use super::layout::Frame;
use super::session::TypedSession;
use super::{AppError, AppState};
use crate::app::sign_in::{self, SignedIn};
use crate::app::{self, Account, Actor};
use crate::domain::account::Locale;
use crate::domain::ids::UserId;
use crate::domain::language;
use crate::domain::money::MoneyStyle;
use crate::domain::role::Role;

/// The signed-in, active user with their account, for a session the server still holds
/// (see `app::sign_in::resume_session`).
pub struct CurrentUser {
    pub actor: Actor,
    pub name: String,
    /// The language the user chose in My account, if any.
    pub preferred_locale: Option<Locale>,
    pub session: TypedSession,
    /// The id of the server-side session (to keep it when the user ends their others).
    pub session_id: String,
    /// The language the user reads: their preference, else their browser's, else the account's.
    pub locale: Locale,
}

impl CurrentUser {
    pub fn role(&self) -> Role {
        self.actor.role
    }

    pub fn user_id(&self) -> UserId {
        self.actor.user
    }

    pub fn account(&self) -> &Account {
        &self.actor.account
    }

    /// What a page's frame shows of them.
    pub fn frame(&self) -> Frame {
        Frame {
            user_name: self.name.clone(),
            account_name: self.account().name.clone(),
            csrf_token: self.session.csrf_token(),
            role: self.role(),
            sales_objectives: self.account().edition.has_sales_objectives(),
        }
    }

    /// Money in the account's currency, written the reader's way.
    pub fn money(&self) -> MoneyStyle {
        MoneyStyle { currency: self.account().currency.clone(), locale: self.locale }
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
            let found = state.app.run(move |cx| sign_in::resume_session(cx, &token, &policy)).await?;
            let Some(SignedIn { actor, name, preferred_locale, session_id, .. }) = found else {
                session.sign_out();
                return Err(unauthenticated());
            };
            let locale = language::choose(preferred_locale, Some(actor.account.locale), &accepted);
            let current = CurrentUser { actor, name, preferred_locale, session, session_id, locale };
            // Error pages drawn later in this request speak the same language, in the same frame.
            request.extensions_mut().insert(locale);
            request.extensions_mut().insert(current.frame());
            Ok(current)
        })
    }
}

/// Defines a gate: the signed-in user, if `$check` lets their actor through.
macro_rules! gate {
    ($(#[$doc:meta])* $gate:ident, $check:expr) => {
        $(#[$doc])*
        pub struct $gate(pub CurrentUser);

        impl FromRequest for $gate {
            type Error = AppError;
            type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let current = CurrentUser::from_request(req, payload);
                Box::pin(async move {
                    let current = current.await?;
                    let check: fn(&Actor) -> Result<(), app::Error> = $check;
                    check(&current.actor)?;
                    Ok($gate(current))
                })
            }
        }
    };
}

gate!(
    /// A manager or an admin.
    RequireManager,
    Actor::require_manager
);

gate!(
    /// An admin.
    RequireAdmin,
    Actor::require_admin
);

gate!(
    /// A manager or admin of a Dream Team account: the objectives editor (rule 7). A rep is
    /// refused (403) whatever the edition; other editions learn which one they need (402).
    ObjectivesEditor,
    |actor| actor.require_manager().and_then(|()| actor.require_dream_team())
);

gate!(
    /// Anyone of a Dream Team account: the statistics they may read are narrowed to their
    /// own for a rep.
    SalesObjectivesReader,
    Actor::require_dream_team
);
