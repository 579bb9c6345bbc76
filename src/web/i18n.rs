//! The reader's language on every page: which one (their preference, their browser's, their
//! account's), and the template filters that write the product's words in it.

use std::any::Any;

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::header::{AcceptLanguage, Header};

use crate::domain::account::Locale;
use crate::domain::language;
use crate::domain::message::Message;

/// The cookie that keeps the language chosen on the sign-in page.
pub const LANGUAGE_COOKIE: &str = "lang";

/// Templates find the reader's language among askama's runtime values.
impl askama::Values for Locale {
    fn get_value<'a>(&'a self, key: &str) -> Option<&'a dyn Any> {
        (key == "locale").then_some(self as &dyn Any)
    }
}

/// The cookie that keeps a visitor's language for a year: chosen on the sign-in page, or the
/// signed-in user's, so that pages shown before the user is known speak it too.
pub fn language_cookie(req: &HttpRequest, locale: Locale) -> Cookie<'static> {
    Cookie::build(LANGUAGE_COOKIE, locale.as_str())
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(req.connection_info().scheme() == "https")
        .max_age(time::Duration::days(365))
        .finish()
}

/// The languages the browser asks for, most wanted first.
pub fn accepted_languages(req: &HttpRequest) -> Vec<String> {
    AcceptLanguage::parse(req)
        .map(|header| header.ranked().into_iter().map(|tag| tag.to_string()).collect())
        .unwrap_or_default()
}

/// The language of someone not signed in: the one they chose here before, else their browser's.
pub fn visitor_locale(req: &HttpRequest) -> Locale {
    let chosen = req.cookie(LANGUAGE_COOKIE).and_then(|cookie| cookie.value().parse::<Locale>().ok());
    language::choose(chosen, None, &accepted_languages(req))
}

/// What a template can write in the reader's language: a catalogue key or a message.
pub trait Localised {
    fn localise(&self, locale: Locale) -> String;
}

impl Localised for str {
    fn localise(&self, locale: Locale) -> String {
        crate::i18n::lookup(locale, self, &[])
    }
}

impl Localised for Message {
    fn localise(&self, locale: Locale) -> String {
        crate::i18n::message(locale, self)
    }
}

impl<T: Localised + ?Sized> Localised for &T {
    fn localise(&self, locale: Locale) -> String {
        (**self).localise(locale)
    }
}

impl Localised for String {
    fn localise(&self, locale: Locale) -> String {
        self.as_str().localise(locale)
    }
}

/// The filters every template uses; each module with templates imports this module.
pub mod filters {
    use super::Localised;
    use crate::domain::account::Locale;

    fn locale(env: &dyn askama::Values) -> askama::Result<Locale> {
        askama::get_value::<Locale>(env, "locale").copied()
    }

    /// `{{ "menu-home"|t }}`, `{{ error|t }}`: a key or a message in the reader's language.
    #[askama::filter_fn]
    pub fn t<T: Localised>(input: T, env: &dyn askama::Values) -> askama::Result<String> {
        Ok(input.localise(locale(env)?))
    }

    /// `{{ "stats-empty"|t1("kind", name) }}`: a key quoting one value.
    #[askama::filter_fn]
    pub fn t1<N: std::fmt::Display>(
        key: &str,
        env: &dyn askama::Values,
        name: &str,
        value: N,
    ) -> askama::Result<String> {
        Ok(crate::i18n::lookup(locale(env)?, key, &[(name, &value.to_string())]))
    }

    /// `{{ "showing"|t2("from", a, "to", b) }}`: a key quoting two values.
    #[askama::filter_fn]
    pub fn t2<A: std::fmt::Display, B: std::fmt::Display>(
        key: &str,
        env: &dyn askama::Values,
        name_a: &str,
        value_a: A,
        name_b: &str,
        value_b: B,
    ) -> askama::Result<String> {
        let (a, b) = (value_a.to_string(), value_b.to_string());
        Ok(crate::i18n::lookup(locale(env)?, key, &[(name_a, &a), (name_b, &b)]))
    }
}
