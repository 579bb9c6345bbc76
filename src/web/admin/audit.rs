//! The audit log: who changed edition, licences, roles, activation, objectives and
//! targets, when, from what to what.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::account::Locale;
use crate::domain::period::PeriodKind;
use crate::domain::role::Role;
use crate::i18n::lookup;
use crate::store::audit::{self, Line};
use crate::web::current_user::RequireAdmin;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

const PAGE_SIZE: i64 = 50;

/// The changes the log records, by the English words stored for them, and the catalogue
/// keys that name them in the reader's language. Words not listed are shown as stored.
const ACTIONS: [(&str, &str); 11] = [
    ("edition changed", "admin-audit-edition-changed"),
    ("licences changed", "admin-audit-licences-changed"),
    ("user created", "admin-audit-user-created"),
    ("role changed", "admin-audit-role-changed"),
    ("user deactivated", "admin-audit-user-deactivated"),
    ("user reactivated", "admin-audit-user-reactivated"),
    ("objective created", "admin-audit-objective-created"),
    ("objective changed", "admin-audit-objective-changed"),
    ("objective archived", "admin-audit-objective-archived"),
    ("objective restored", "admin-audit-objective-restored"),
    ("target set", "admin-audit-target-set"),
];

/// One change as the reader reads it.
struct AuditLine {
    when: String,
    actor: Option<String>,
    action: String,
    subject: String,
    before: String,
    after: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: Layout,
    lines: Vec<AuditLine>,
    page: i64,
    has_next: bool,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

pub async fn get(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    query: Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let page = crate::domain::range::page(query.page).map_err(AppError::bad_request)?;
    let account = current.account.id;
    let mut lines =
        with_conn(&state.pool, move |conn| Ok(audit::list(conn, account, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)?))
            .await?;
    let has_next = lines.len() as i64 > PAGE_SIZE;
    lines.truncate(PAGE_SIZE as usize);
    let calendar = current.account.calendar();
    let locale = current.locale;
    let lines = lines
        .into_iter()
        .map(|line| {
            let when = crate::i18n::date_time(locale, calendar.local_datetime(line.at.and_utc()));
            read(locale, when, line)
        })
        .collect();
    let layout = Layout::signed_in("admin-audit-title", &current, "/admin/licences");
    html(locale, StatusCode::OK, &AuditPage { layout, lines, page, has_next })
}

/// A recorded change in `locale`: the words the log stored in English are named again in
/// the reader's language; names people gave, figures and unknown words stay as stored.
fn read(locale: Locale, when: String, line: Line) -> AuditLine {
    let Line { actor, action, subject, before, after, .. } = line;
    let value = |stored: String| match value_key(&action, &stored) {
        Some(key) => lookup(locale, key, &[]),
        None => stored,
    };
    let (before, after) = (value(before), value(after));
    let subject = match action.as_str() {
        "target set" => target_subject(locale, &subject).unwrap_or(subject),
        _ => subject,
    };
    let action = match ACTIONS.iter().find(|(stored, _)| *stored == action) {
        Some((_, key)) => lookup(locale, key, &[]),
        None => action,
    };
    AuditLine { when, actor, action, subject, before, after }
}

/// The catalogue key of a word the log stores as a change's before or after value.
fn value_key(action: &str, stored: &str) -> Option<&'static str> {
    match action {
        "user deactivated" | "user reactivated" | "objective archived" | "objective restored" => match stored {
            "active" => Some("admin-audit-value-active"),
            "inactive" => Some("admin-audit-value-inactive"),
            "archived" => Some("admin-audit-value-archived"),
            _ => None,
        },
        // Roles are stored by their English names.
        "user created" | "role changed" => {
            Role::ALL.iter().map(|r| r.label_key()).find(|key| lookup(Locale::En, key, &[]) == stored)
        }
        "objective created" => match stored {
            "activity" => Some("admin-audit-value-activity"),
            "sales" => Some("admin-audit-value-sales"),
            _ => None,
        },
        _ => None,
    }
}

/// A target's subject, stored as `Calls (day, from 2026-11-27)`, in `locale`.
fn target_subject(locale: Locale, stored: &str) -> Option<String> {
    let (name, details) = stored.strip_suffix(')')?.rsplit_once(" (")?;
    let (period, from) = details.split_once(", from ")?;
    let period = period.parse::<PeriodKind>().ok()?;
    let from = from.parse::<NaiveDate>().ok()?;
    let period = lookup(locale, period.label_key(), &[]).to_lowercase();
    let from = crate::i18n::date(locale, from);
    Some(lookup(locale, "admin-audit-target-subject", &[("name", name), ("period", &period), ("date", &from)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(action: &str, subject: &str, before: &str, after: &str) -> Line {
        Line {
            at: NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(14, 30, 0)).expect("a moment"),
            actor: Some("Ada".into()),
            action: action.into(),
            subject: subject.into(),
            before: before.into(),
            after: after.into(),
        }
    }

    #[test]
    fn english_readers_read_the_words_as_stored() {
        for (action, _) in ACTIONS {
            let read = read(Locale::En, String::new(), line(action, "x", "", ""));
            assert_eq!(read.action, action);
        }
        let role = read(Locale::En, String::new(), line("role changed", "a@b.example", "Rep", "Manager"));
        assert_eq!((role.before.as_str(), role.after.as_str()), ("Rep", "Manager"));
        let created = read(Locale::En, String::new(), line("objective created", "Calls", "", "activity"));
        assert_eq!(created.after, "activity");
    }

    #[test]
    fn italian_readers_read_them_in_italian() {
        let role = read(Locale::It, String::new(), line("role changed", "a@b.example", "Rep", "Admin"));
        assert_eq!(role.action, lookup(Locale::It, "admin-audit-role-changed", &[]));
        assert_eq!(role.after, lookup(Locale::It, "role-admin", &[]));
        let off = read(Locale::It, String::new(), line("user deactivated", "a@b.example", "active", "inactive"));
        assert_eq!(off.after, lookup(Locale::It, "admin-audit-value-inactive", &[]));
        let unknown = read(Locale::It, String::new(), line("something new", "x", "a", "b"));
        assert_eq!((unknown.action.as_str(), unknown.after.as_str()), ("something new", "b"));
    }

    #[test]
    fn a_targets_subject_names_its_period_and_date() {
        let target = read(Locale::It, String::new(), line("target set", "Calls (day, from 2026-11-27)", "", "5"));
        assert_eq!(target.subject, "Calls (giorno, dal ven 27 nov 2026)");
        let english = read(Locale::En, String::new(), line("target set", "Calls (week, from 2026-11-23)", "", "5"));
        assert_eq!(english.subject, "Calls (week, from Mon 23 Nov 2026)");
        let odd = read(Locale::En, String::new(), line("target set", "Odd (name)", "", "5"));
        assert_eq!(odd.subject, "Odd (name)");
    }
}
