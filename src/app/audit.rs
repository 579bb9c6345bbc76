//! The audit log: who changed edition, licences, users, sessions, objectives and targets,
//! when, and from what to what. Each entry is a typed event, stored as JSON and worded only
//! when it is read, in the reader's language, with money written the reader's way.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Actor, Cx, Error};
use crate::db::AnyConnection;
use crate::domain::account::Setting;
use crate::domain::edition::Edition;
use crate::domain::ids::{AccountId, UserId};
use crate::domain::objective::{Measure, ObjectiveKind, SalesMetric};
use crate::domain::period::PeriodKind;
use crate::domain::role::Role;
use crate::store::audit;

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Event {
    EditionChanged {
        before: Edition,
        after: Edition,
    },
    LicencesChanged {
        before: i32,
        after: i32,
    },
    UserCreated {
        email: String,
        role: Role,
    },
    RoleChanged {
        email: String,
        before: Role,
        after: Role,
    },
    UserDeactivated {
        email: String,
    },
    UserReactivated {
        email: String,
    },
    SessionsEnded {
        email: String,
        sessions: usize,
    },
    ObjectiveCreated {
        name: String,
        kind: ObjectiveKind,
    },
    ObjectiveChanged {
        name: String,
        before_name: String,
    },
    ObjectiveArchived {
        name: String,
    },
    ObjectiveRestored {
        name: String,
    },
    /// A target in force from `from` (none: from the start), in cents for revenue.
    TargetSet {
        objective: String,
        kind: ObjectiveKind,
        metric: Option<SalesMetric>,
        period: PeriodKind,
        from: Option<NaiveDate>,
        before: Option<i64>,
        after: i64,
    },
    /// A holder's own target in force from `from` (none before or after: the objective's).
    HolderTargetSet {
        objective: String,
        holder: String,
        kind: ObjectiveKind,
        metric: Option<SalesMetric>,
        period: PeriodKind,
        from: NaiveDate,
        before: Option<i64>,
        after: Option<i64>,
    },
    /// A team's target in force from `from` (none: from the start).
    TeamTargetSet {
        objective: String,
        team: String,
        kind: ObjectiveKind,
        metric: Option<SalesMetric>,
        period: PeriodKind,
        from: Option<NaiveDate>,
        before: Option<i64>,
        after: i64,
    },
    /// An account setting, from its stored value to the new one (a zone's name, a week's
    /// first day, a fiscal year's first month, working days as `mon,tue`).
    SettingChanged {
        setting: Setting,
        before: String,
        after: String,
    },
    /// A holiday added, or renamed.
    HolidaySet {
        day: NaiveDate,
        name: String,
    },
    HolidayRemoved {
        day: NaiveDate,
        name: String,
    },
    HolidaysImported {
        count: usize,
    },
    /// An API token made, with its scopes as stored.
    ApiTokenCreated {
        name: String,
        scopes: String,
    },
    ApiTokenRevoked {
        name: String,
    },
    /// An entry written before entries were typed, with its words as then stored.
    Legacy {
        legacy_action: String,
        subject: String,
        before: String,
        after: String,
    },
}

impl Event {
    /// The stable code of the event, stored beside it (and its catalogue key's stem).
    pub fn code(&self) -> &'static str {
        match self {
            Event::EditionChanged { .. } => "edition_changed",
            Event::LicencesChanged { .. } => "licences_changed",
            Event::UserCreated { .. } => "user_created",
            Event::RoleChanged { .. } => "role_changed",
            Event::UserDeactivated { .. } => "user_deactivated",
            Event::UserReactivated { .. } => "user_reactivated",
            Event::SessionsEnded { .. } => "sessions_ended",
            Event::ObjectiveCreated { .. } => "objective_created",
            Event::ObjectiveChanged { .. } => "objective_changed",
            Event::ObjectiveArchived { .. } => "objective_archived",
            Event::ObjectiveRestored { .. } => "objective_restored",
            Event::TargetSet { .. } => "target_set",
            Event::HolderTargetSet { .. } => "holder_target_set",
            Event::TeamTargetSet { .. } => "team_target_set",
            Event::SettingChanged { .. } => "setting_changed",
            Event::HolidaySet { .. } => "holiday_set",
            Event::HolidayRemoved { .. } => "holiday_removed",
            Event::HolidaysImported { .. } => "holidays_imported",
            Event::ApiTokenCreated { .. } => "api_token_created",
            Event::ApiTokenRevoked { .. } => "api_token_revoked",
            Event::Legacy { .. } => "legacy",
        }
    }

    /// How a target set's values read.
    pub fn measure(kind: ObjectiveKind, metric: Option<SalesMetric>) -> Measure {
        Measure::of(kind, metric)
    }
}

/// Records `event`, made by `actor` (none: the system), in the caller's transaction.
pub fn record(
    conn: &mut AnyConnection,
    account: AccountId,
    actor: Option<UserId>,
    event: &Event,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    let details = serde_json::to_string(event).map_err(|e| Error::Internal(e.into()))?;
    audit::record(conn, account, actor, event.code(), &details, at.naive_utc())?;
    Ok(())
}

/// One recorded change: when, by whom (by name), what.
#[derive(Debug, Clone)]
pub struct Entry {
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub event: Event,
}

/// A page of the account's log, newest first (admins only).
pub fn page(cx: &mut Cx, actor: &Actor, page: i64, page_size: i64) -> Result<(Vec<Entry>, bool), Error> {
    actor.require_admin()?;
    let mut rows = audit::list(cx.conn, actor.account_id(), page_size + 1, (page - 1) * page_size)?;
    let has_next = rows.len() as i64 > page_size;
    rows.truncate(usize::try_from(page_size).unwrap_or(usize::MAX));
    let entries = rows
        .into_iter()
        .map(|row| {
            let event = serde_json::from_str(&row.details)
                .map_err(|e| Error::Internal(anyhow::anyhow!("audit entry {} is not an event: {e}", row.id)))?;
            Ok(Entry { at: row.at, actor: row.actor, event })
        })
        .collect::<Result<_, Error>>()?;
    Ok((entries, has_next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_through_their_json() {
        let events = [
            Event::RoleChanged { email: "a@b.example".into(), before: Role::Rep, after: Role::Admin },
            Event::TargetSet {
                objective: "Revenue".into(),
                kind: ObjectiveKind::Sales,
                metric: Some(SalesMetric::Revenue),
                period: PeriodKind::Quarter,
                from: NaiveDate::from_ymd_opt(2026, 10, 1),
                before: None,
                after: 5_000_000,
            },
            Event::SettingChanged {
                setting: Setting::TimeZone,
                before: "Europe/Rome".into(),
                after: "America/New_York".into(),
            },
            Event::HolidaySet { day: NaiveDate::from_ymd_opt(2026, 12, 8).expect("a date"), name: "Immacolata".into() },
            Event::Legacy {
                legacy_action: "target set".into(),
                subject: "x".into(),
                before: "".into(),
                after: "5".into(),
            },
        ];
        for event in events {
            let json = serde_json::to_string(&event).expect("json");
            assert!(json.contains(&format!(r#""action":"{}""#, event.code())), "{json}");
            assert_eq!(serde_json::from_str::<Event>(&json).expect("an event"), event);
        }
    }

    #[test]
    fn a_stored_choice_that_is_none_is_refused() {
        let json = r#"{"action":"role_changed","email":"a@b.example","before":"rep","after":"wizard"}"#;
        assert!(serde_json::from_str::<Event>(json).is_err());
    }
}
