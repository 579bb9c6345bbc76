//! What every page's frame shows: title, assets, the signed-in user and the menu their
//! role may use. Menu entries appear only for pages that exist.

use super::assets;
use super::current_user::CurrentUser;
use crate::domain::account::Locale;
use crate::domain::message::Message;
use crate::domain::role::Role;

pub struct MenuItem {
    /// A catalogue key.
    pub label: &'static str,
    pub href: &'static str,
    pub current: bool,
}

pub struct Layout {
    pub title: Message,
    /// The reader's language, for `<html lang>` and the language switch.
    pub locale: Locale,
    pub css_url: &'static str,
    pub htmx_url: &'static str,
    /// The CSRF token for forms and for htmx's `hx-headers`; absent on error pages.
    pub csrf_token: Option<String>,
    pub user_name: Option<String>,
    pub account_name: Option<String>,
    pub menu: Vec<MenuItem>,
    /// What the last action did, shown once.
    pub flash: Option<String>,
}

/// A section of the menu and who may use it.
struct Section {
    /// A catalogue key.
    label: &'static str,
    href: &'static str,
    allowed: fn(Role) -> bool,
}

const MENU: [Section; 8] = [
    Section { label: "menu-home", href: "/", allowed: |_| true },
    Section { label: "menu-my-objectives", href: "/me/objectives", allowed: |_| true },
    Section { label: "menu-statistics", href: "/statistics/sales-objectives", allowed: Role::manages },
    Section { label: "menu-activities", href: "/activities", allowed: |_| true },
    Section { label: "menu-leads", href: "/leads", allowed: |_| true },
    Section { label: "menu-prospects", href: "/prospects", allowed: |_| true },
    Section { label: "menu-control-panel", href: "/control-panel", allowed: Role::manages },
    Section { label: "menu-edition-licences", href: "/admin/licences", allowed: Role::administers },
];

impl Layout {
    /// A page for the signed-in user; `here` is the menu entry to highlight.
    pub fn signed_in(title: impl Into<Message>, current: &CurrentUser, here: &str) -> Self {
        let role = current.role();
        let menu = MENU
            .iter()
            .filter(|section| (section.allowed)(role))
            .map(|section| MenuItem { label: section.label, href: section.href, current: section.href == here })
            .collect();
        Self {
            user_name: Some(current.name.clone()),
            account_name: Some(current.account().name.clone()),
            csrf_token: Some(current.session.csrf_token()),
            flash: current.session.take_flash(),
            menu,
            ..Self::anonymous(title, current.locale, None)
        }
    }

    /// A page for someone not signed in, such as the sign-in page.
    pub fn anonymous(title: impl Into<Message>, locale: Locale, csrf_token: Option<String>) -> Self {
        Self {
            title: title.into(),
            locale,
            css_url: assets::app_css_url(),
            htmx_url: assets::htmx_url(),
            csrf_token,
            user_name: None,
            account_name: None,
            menu: Vec::new(),
            flash: None,
        }
    }
}
