//! My account: one's own name, language and password.

use actix_web::web::{Data, Form};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::current_user::CurrentUser;
use super::error::{form_status, refusal};
use super::layout::Layout;
use super::respond::{html, see_other};
use super::{AppError, AppState};
use crate::app::me::{self, MyAccountForm};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "me/account.html")]
struct AccountPage {
    layout: Layout,
    name: String,
    locale: String,
    locales: [Locale; 2],
    /// The account's language, which an empty choice follows.
    account_locale: Locale,
    errors: FieldErrors,
}

pub async fn get(current: CurrentUser) -> Result<HttpResponse, AppError> {
    let (name, locale) =
        (current.name.clone(), current.preferred_locale.map(|l| l.as_str().to_owned()).unwrap_or_default());
    render(&current, name, locale, FieldErrors::new())
}

pub async fn post(
    req: HttpRequest,
    state: Data<AppState>,
    current: CurrentUser,
    form: Form<MyAccountForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let (session, typed) = (current.session_id.clone(), form.clone());
    match state.app.run_as(&current.actor, move |cx, actor| me::update(cx, actor, &session, &typed)).await {
        Ok(()) => {
            // The word on what was done is in the language just chosen, like the pages after it.
            let locale = form.locale.parse::<Locale>().unwrap_or_else(|_| current.account().locale);
            current.session.flash(&crate::i18n::lookup(locale, "my-account-saved", &[]));
            let mut response = see_other("/me/account");
            response
                .add_cookie(&super::i18n::language_cookie(&req, locale))
                .map_err(|e| AppError::Internal(e.into()))?;
            Ok(response)
        }
        Err(error) => render(&current, form.name, form.locale, refusal(error)?),
    }
}

fn render(current: &CurrentUser, name: String, locale: String, errors: FieldErrors) -> Result<HttpResponse, AppError> {
    let status = form_status(&errors);
    let page = AccountPage {
        layout: Layout::signed_in("my-account-title", current, "/me/account"),
        name,
        locale,
        locales: [Locale::En, Locale::It],
        account_locale: current.account().locale,
        errors,
    };
    html(current.locale, status, &page)
}
