//! My account: what everyone changes of their own: name, language, password.

use serde::Deserialize;

use super::{Actor, Cx, Error};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::user::{NewPassword, PersonName};
use crate::store::{sessions, users};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MyAccountForm {
    pub name: String,
    pub locale: String,
    pub current_password: String,
    pub new_password: String,
}

/// Changes the actor's name, language and (with the current one) password. A new
/// password ends the actor's other sessions; `session` (the one making the change) goes on.
pub fn update(cx: &mut Cx, actor: &Actor, session: &str, form: &MyAccountForm) -> Result<(), Error> {
    let me = users::find(cx.conn, actor.user)?.ok_or(Error::NotFound)?;
    let mut errors = FieldErrors::new();
    let name = errors.check("name", PersonName::parse(&form.name));
    let locale = match form.locale.trim() {
        "" => Some(None),
        raw => errors.check("locale", raw.parse::<Locale>()).map(Some),
    };
    let new_hash = if form.new_password.is_empty() {
        None
    } else if !cx.passwords.verify(&form.current_password, Some(&me.password_hash)) {
        errors.add("current_password", "current-password-wrong");
        None
    } else {
        errors
            .check("new_password", NewPassword::parse(&form.new_password))
            .map(|p| cx.passwords.hash(&p))
            .transpose()?
    };
    errors.clone().into_result()?;
    let (Some(name), Some(locale)) = (name, locale) else { return Err(errors.into()) };
    cx.change(actor.account_id(), |cx| {
        users::set_name(cx.conn, me.id, name.as_str())?;
        users::set_locale(cx.conn, me.id, locale)?;
        if let Some(hash) = &new_hash {
            users::set_password(cx.conn, me.id, hash)?;
            let version = users::find(cx.conn, me.id)?.ok_or(Error::NotFound)?.session_version;
            sessions::delete_for_user(cx.conn, me.id, Some(session))?;
            sessions::set_user_version(cx.conn, session, version)?;
        }
        Ok(())
    })
}
