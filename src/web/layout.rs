//! What every page's frame shows: title, assets, the signed-in user and the menu their
//! role and edition may use. Menu entries appear only for pages the reader may open.

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
    pub app_js_url: &'static str,
    /// The CSRF token for forms and for htmx's `hx-headers`; absent for visitors.
    pub csrf_token: Option<String>,
    pub user_name: Option<String>,
    pub account_name: Option<String>,
    pub menu: Vec<MenuItem>,
    /// What the last action did, shown once.
    pub flash: Option<String>,
}

/// Who is signed in, as a page's frame shows them. `CurrentUser` keeps it in the request,
/// so that an error page drawn later still offers the menu and signing out.
#[derive(Debug, Clone)]
pub struct Frame {
    pub user_name: String,
    pub account_name: String,
    pub csrf_token: String,
    pub role: Role,
    /// Whether the account's edition has sales objectives (rule 7).
    pub sales_objectives: bool,
}

/// A section of the menu and who may use it.
struct Section {
    /// A catalogue key.
    label: &'static str,
    href: &'static str,
    allowed: fn(Role) -> bool,
    /// Only in an edition with sales objectives.
    sales_objectives: bool,
}

const MENU: [Section; 8] = [
    Section { label: "menu-home", href: "/", allowed: |_| true, sales_objectives: false },
    Section { label: "menu-my-objectives", href: "/me/objectives", allowed: |_| true, sales_objectives: true },
    Section {
        label: "menu-statistics",
        href: "/statistics/sales-objectives",
        allowed: Role::manages,
        sales_objectives: true,
    },
    Section { label: "menu-activities", href: "/activities", allowed: |_| true, sales_objectives: false },
    Section { label: "menu-leads", href: "/leads", allowed: |_| true, sales_objectives: false },
    Section { label: "menu-prospects", href: "/prospects", allowed: |_| true, sales_objectives: false },
    Section { label: "menu-control-panel", href: "/control-panel", allowed: Role::manages, sales_objectives: false },
    Section {
        label: "menu-edition-licences",
        href: "/admin/licences",
        allowed: Role::administers,
        sales_objectives: false,
    },
];

impl Layout {
    /// A page for the signed-in user; `here` is the menu entry to highlight.
    pub fn signed_in(title: impl Into<Message>, current: &CurrentUser, here: &str) -> Self {
        Self { flash: current.session.take_flash(), ..Self::framed(title, current.locale, &current.frame(), here) }
    }

    /// A page in the frame of someone signed in: their name, sign-out and menu.
    pub fn framed(title: impl Into<Message>, locale: Locale, frame: &Frame, here: &str) -> Self {
        let menu = MENU
            .iter()
            .filter(|section| (section.allowed)(frame.role) && (frame.sales_objectives || !section.sales_objectives))
            .map(|section| MenuItem { label: section.label, href: section.href, current: section.href == here })
            .collect();
        Self {
            user_name: Some(frame.user_name.clone()),
            account_name: Some(frame.account_name.clone()),
            menu,
            ..Self::anonymous(title, locale, Some(frame.csrf_token.clone()))
        }
    }

    /// A page for someone not signed in, such as the sign-in page.
    pub fn anonymous(title: impl Into<Message>, locale: Locale, csrf_token: Option<String>) -> Self {
        Self {
            title: title.into(),
            locale,
            css_url: assets::app_css_url(),
            htmx_url: assets::htmx_url(),
            app_js_url: assets::app_js_url(),
            csrf_token: csrf_token.as_deref().map(super::csrf::masked),
            user_name: None,
            account_name: None,
            menu: Vec::new(),
            flash: None,
        }
    }
}
