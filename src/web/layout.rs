//! What every page's frame shows: title, assets, the signed-in user and the menu their
//! role may use. Menu entries appear only for pages that exist.

use super::assets;
use super::current_user::CurrentUser;
use crate::domain::role::Role;

pub struct MenuItem {
    pub label: &'static str,
    pub href: &'static str,
    pub current: bool,
}

pub struct Layout {
    pub title: String,
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
    label: &'static str,
    href: &'static str,
    allowed: fn(Role) -> bool,
}

const MENU: [Section; 8] = [
    Section { label: "Home", href: "/", allowed: |_| true },
    Section { label: "My objectives", href: "/me/objectives", allowed: |_| true },
    Section { label: "Statistics", href: "/statistics/sales-objectives", allowed: Role::manages },
    Section { label: "Activities", href: "/activities", allowed: |_| true },
    Section { label: "Leads", href: "/leads", allowed: |_| true },
    Section { label: "Prospects", href: "/prospects", allowed: |_| true },
    Section { label: "Control Panel", href: "/control-panel", allowed: Role::manages },
    Section { label: "Edition & licences", href: "/admin/licences", allowed: Role::administers },
];

impl Layout {
    /// A page for the signed-in user; `here` is the menu entry to highlight.
    pub fn signed_in(title: impl Into<String>, current: &CurrentUser, here: &str) -> Self {
        let role = current.role();
        let menu = MENU
            .iter()
            .filter(|section| (section.allowed)(role))
            .map(|section| MenuItem { label: section.label, href: section.href, current: section.href == here })
            .collect();
        Self {
            user_name: Some(current.user.name.clone()),
            account_name: Some(current.account.name.clone()),
            csrf_token: Some(current.session.csrf_token()),
            flash: current.session.take_flash(),
            menu,
            ..Self::anonymous(title, None)
        }
    }

    /// A page for someone not signed in, such as the sign-in page.
    pub fn anonymous(title: impl Into<String>, csrf_token: Option<String>) -> Self {
        Self {
            title: title.into(),
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
