//! Asking before a change that takes something away: a page (reached by a plain link, so it
//! works without JavaScript) that says what will change, with the button that does it.
//! The change itself stays a `POST` to its own URL, as scripts may post at once.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::AppError;
use super::current_user::CurrentUser;
use super::layout::Layout;
use super::respond::html;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage<'a> {
    layout: Layout,
    heading: &'static str,
    /// What changes, sentence by sentence, in the reader's language.
    sentences: Vec<String>,
    action: &'a str,
    /// Hidden fields the change is posted with.
    fields: Vec<(&'a str, String)>,
    confirm: &'static str,
    back: &'a str,
    back_label: &'static str,
}

/// What a confirmation asks: catalogue keys for its heading, button and way back.
pub struct Ask<'a> {
    pub heading: &'static str,
    pub confirm: &'static str,
    /// Where "keep it" leads, and the menu entry the page belongs to.
    pub back: &'a str,
    pub back_label: &'static str,
    pub menu: &'static str,
}

pub fn page(
    current: &CurrentUser,
    ask: Ask,
    sentences: Vec<String>,
    action: &str,
    fields: Vec<(&str, String)>,
) -> Result<HttpResponse, AppError> {
    let page = ConfirmPage {
        layout: Layout::signed_in(ask.heading, current, ask.menu),
        heading: ask.heading,
        sentences,
        action,
        fields,
        confirm: ask.confirm,
        back: ask.back,
        back_label: ask.back_label,
    };
    html(current.locale, StatusCode::OK, &page)
}
