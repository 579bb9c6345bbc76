//! The audit log: who changed edition, licences, users, sessions, objectives and targets,
//! when, from what to what, worded in the reader's language from the typed events.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Query};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::app::audit::{self, Entry, Event};
use crate::domain::account::{Locale, Setting, WeekStart};
use crate::domain::money::MoneyStyle;
use crate::domain::objective::Measure;
use crate::domain::period::PeriodKind;
use crate::domain::working_calendar::WorkingDays;
use crate::i18n::{lookup, weekday_key};
use crate::web::current_user::RequireAdmin;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState};

const PAGE_SIZE: i64 = 50;

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
    let (entries, has_next) =
        state.app.run_as(&current.actor, move |cx, actor| audit::page(cx, actor, page, PAGE_SIZE)).await?;
    let calendar = current.account().calendar();
    let money = current.money();
    let lines = entries
        .into_iter()
        .map(|entry| {
            let when = crate::i18n::date_time(money.locale, calendar.local_datetime(entry.at.and_utc()));
            read(&money, when, entry)
        })
        .collect();
    let layout = Layout::signed_in("admin-audit-title", &current, "/admin/licences");
    html(current.locale, StatusCode::OK, &AuditPage { layout, lines, page, has_next })
}

/// A recorded change in the reader's language (`money.locale`), money written their way.
fn read(money: &MoneyStyle, when: String, entry: Entry) -> AuditLine {
    let locale = money.locale;
    let word = |key: &str| lookup(locale, key, &[]);
    let (action, subject, before, after) = match entry.event {
        Event::EditionChanged { before, after } => {
            ("edition-changed", String::new(), before.label().to_owned(), after.label().to_owned())
        }
        Event::LicencesChanged { before, after } => {
            ("licences-changed", String::new(), number(locale, before), number(locale, after))
        }
        Event::UserCreated { email, role } => ("user-created", email, String::new(), word(role.label_key())),
        Event::RoleChanged { email, before, after } => {
            ("role-changed", email, word(before.label_key()), word(after.label_key()))
        }
        Event::UserDeactivated { email } => {
            ("user-deactivated", email, word("admin-audit-value-active"), word("admin-audit-value-inactive"))
        }
        Event::UserReactivated { email } => {
            ("user-reactivated", email, word("admin-audit-value-inactive"), word("admin-audit-value-active"))
        }
        Event::SessionsEnded { email, sessions } => {
            ("sessions-ended", email, String::new(), number(locale, i32::try_from(sessions).unwrap_or(i32::MAX)))
        }
        Event::ObjectiveCreated { name, kind } => ("objective-created", name, String::new(), word(kind.label_key())),
        Event::ObjectiveChanged { name, before_name } => ("objective-changed", name, before_name, String::new()),
        Event::ObjectiveArchived { name } => {
            ("objective-archived", name, word("admin-audit-value-active"), word("admin-audit-value-archived"))
        }
        Event::ObjectiveRestored { name } => {
            ("objective-restored", name, word("admin-audit-value-archived"), word("admin-audit-value-active"))
        }
        Event::TargetSet { objective, kind, metric, period, from, before, after } => {
            let measure = Measure::of(kind, metric);
            let shown = |value: i64| measure.display(value, money);
            let subject = target_subject(locale, &objective, period, from);
            ("target-set", subject, before.map(shown).unwrap_or_default(), shown(after))
        }
        Event::HolderTargetSet { objective, holder, kind, metric, period, from, before, after } => {
            let measure = Measure::of(kind, metric);
            let objectives = lookup(locale, "admin-audit-objectives-target", &[]);
            let shown = |value: Option<i64>| value.map_or_else(|| objectives.clone(), |v| measure.display(v, money));
            let subject = lookup(
                locale,
                "admin-audit-holder-target-subject",
                &[("holder", &holder), ("target", &target_subject(locale, &objective, period, Some(from)))],
            );
            ("holder-target-set", subject, shown(before), shown(after))
        }
        Event::TeamTargetSet { objective, team, kind, metric, period, from, before, after } => {
            let measure = Measure::of(kind, metric);
            let shown = |value: i64| measure.display(value, money);
            let target = target_subject(locale, &objective, period, from);
            let subject =
                lookup(locale, "admin-audit-holder-target-subject", &[("holder", &team), ("target", &target)]);
            ("team-target-set", subject, before.map(shown).unwrap_or_default(), shown(after))
        }
        Event::SettingChanged { setting, before, after } => {
            let shown = |value: &str| setting_value(locale, setting, value);
            ("setting-changed", word(setting.label_key()), shown(&before), shown(&after))
        }
        Event::HolidaySet { day, name } => ("holiday-set", crate::i18n::date(locale, day), String::new(), name),
        Event::HolidayRemoved { day, name } => ("holiday-removed", crate::i18n::date(locale, day), name, String::new()),
        Event::HolidaysImported { count } => (
            "holidays-imported",
            String::new(),
            String::new(),
            number(locale, i32::try_from(count).unwrap_or(i32::MAX)),
        ),
        Event::ApiTokenCreated { name, scopes } => ("api-token-created", name, String::new(), scopes),
        Event::ApiTokenRevoked { name } => {
            ("api-token-revoked", name, word("admin-audit-value-active"), word("admin-audit-value-revoked"))
        }
        Event::Legacy { legacy_action, subject, before, after } => {
            // Targets were the one change whose figures were written out when recorded.
            let action = if legacy_action == "target set" { word("admin-audit-target-set") } else { legacy_action };
            return AuditLine {
                when,
                actor: entry.actor,
                subject: legacy_subject(locale, &subject),
                action,
                before,
                after,
            };
        }
    };
    AuditLine { when, actor: entry.actor, action: word(&format!("admin-audit-{action}")), subject, before, after }
}

/// A setting's stored value in the reader's words: a weekday or a month by its name, a
/// language by its own; names, zones and currencies as they are.
fn setting_value(locale: Locale, setting: Setting, stored: &str) -> String {
    let word = |key: &str| lookup(locale, key, &[]);
    match setting {
        Setting::WeekStart => {
            stored.parse::<WeekStart>().map_or_else(|_| stored.to_owned(), |w| word(weekday_key(w.weekday())))
        }
        Setting::FiscalYearStart => {
            stored.parse().map_or_else(|_| stored.to_owned(), |m| crate::i18n::month_name(locale, m))
        }
        Setting::WorkingDays => WorkingDays::parse(stored).map_or_else(
            |_| stored.to_owned(),
            |days| days.days().into_iter().map(|d| word(weekday_key(d))).collect::<Vec<_>>().join(", "),
        ),
        Setting::Language => stored.parse::<Locale>().map_or_else(|_| stored.to_owned(), |l| l.label().to_owned()),
        Setting::RepsSeeLeaderboard => word(if stored == "true" { "admin-audit-yes" } else { "admin-audit-no" }),
        Setting::Name | Setting::Currency | Setting::TimeZone => stored.to_owned(),
    }
}

fn number(locale: Locale, value: i32) -> String {
    crate::domain::number::integer(locale, i64::from(value))
}

/// `Calls (week, from Mon 23 Nov 2026)`, or from the start.
fn target_subject(locale: Locale, name: &str, period: PeriodKind, from: Option<NaiveDate>) -> String {
    let period = lookup(locale, period.label_key(), &[]).to_lowercase();
    let from = from.map_or_else(|| lookup(locale, "cp-from-the-start", &[]), |from| crate::i18n::date(locale, from));
    lookup(locale, "admin-audit-target-subject", &[("name", name), ("period", &period), ("date", &from)])
}

/// A target entry written before entries were typed, `Calls (day, from 2026-11-27)`, in
/// `locale`; any other subject as it was written.
fn legacy_subject(locale: Locale, stored: &str) -> String {
    let parsed = || {
        let (name, details) = stored.strip_suffix(')')?.rsplit_once(" (")?;
        let (period, from) = details.split_once(", from ")?;
        let period = period.parse::<PeriodKind>().ok()?;
        let from = if from == "the start" { None } else { Some(from.parse::<NaiveDate>().ok()?) };
        Some(target_subject(locale, name, period, from))
    };
    parsed().unwrap_or_else(|| stored.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::objective::{ObjectiveKind, SalesMetric};
    use crate::domain::role::Role;

    fn entry(event: Event) -> Entry {
        let at = NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(14, 30, 0)).expect("a moment");
        Entry { at, actor: Some("Ada".into()), event }
    }

    fn money(locale: Locale) -> MoneyStyle {
        MoneyStyle { currency: "EUR".into(), locale }
    }

    #[test]
    fn events_are_worded_in_the_readers_language() {
        let role = Event::RoleChanged { email: "a@b.example".into(), before: Role::Rep, after: Role::Admin };
        let english = read(&money(Locale::En), String::new(), entry(role.clone()));
        assert_eq!(
            (english.action.as_str(), english.before.as_str(), english.after.as_str()),
            ("role changed", "Rep", "Admin")
        );
        let italian = read(&money(Locale::It), String::new(), entry(role));
        assert_eq!(italian.action, lookup(Locale::It, "admin-audit-role-changed", &[]));
        assert_eq!(italian.after, lookup(Locale::It, "role-admin", &[]));
    }

    #[test]
    fn a_revenue_target_is_written_the_readers_way() {
        let event = Event::TargetSet {
            objective: "Revenue".into(),
            kind: ObjectiveKind::Sales,
            metric: Some(SalesMetric::Revenue),
            period: PeriodKind::Quarter,
            from: NaiveDate::from_ymd_opt(2026, 10, 1),
            before: Some(4_000_000),
            after: 5_000_050,
        };
        let english = read(&money(Locale::En), String::new(), entry(event.clone()));
        assert_eq!((english.before.as_str(), english.after.as_str()), ("€40,000.00", "€50,000.50"));
        assert_eq!(english.subject, "Revenue (quarter, from Thu 1 Oct 2026)");
        let italian = read(&money(Locale::It), String::new(), entry(event));
        assert_eq!(italian.after, "50.000,50 €");
    }

    #[test]
    fn a_legacy_target_keeps_its_words_and_names_its_period_and_date() {
        let event = Event::Legacy {
            legacy_action: "target set".into(),
            subject: "Calls (day, from 2026-11-27)".into(),
            before: String::new(),
            after: "5".into(),
        };
        let italian = read(&money(Locale::It), String::new(), entry(event));
        assert_eq!(italian.subject, "Calls (giorno, dal ven 27 nov 2026)");
        assert_eq!(italian.after, "5");
    }
}
