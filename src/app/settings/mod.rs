//! Control Panel › Account settings (admins): the account's name, language and currency,
//! its calendar (time zone, week start, fiscal year) and its working time (working days,
//! holidays). Every change is audited.
//!
//! A new time zone moves every local date of the history: the account switches at once
//! (what is written from then on is in the new zone), and `rebuild` moves what was written
//! before, batch by batch, in the background; statistics wait for it. A new week start or
//! fiscal year moves no bucket (weeks, quarters and years are read from day and month
//! buckets); both, and a new zone, re-date the target histories.

pub mod holidays;
pub mod rebuild;

use serde::Deserialize;

use crate::app::audit::{self, Event};
use crate::app::{Account, Actor, Cx, Error, invalid};
use crate::domain::account::{AccountName, Currency, FiscalYearStart, Locale, Setting, TimeZone, WeekStart};
use crate::domain::form::FieldErrors;
use crate::domain::message::Message;
use crate::domain::objective;
use crate::domain::working_calendar::WorkingDays;
use crate::store::accounts::{self, Settings};
use crate::store::holder_targets::{self, HolderTargetRow};
use crate::store::holidays::Holiday;
use crate::store::rebuilds::{self, RebuildRow};
use crate::store::{is_unique_violation, target_history};

/// The settings form, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub name: String,
    pub locale: String,
    pub currency: String,
    pub time_zone: String,
    pub week_start: String,
    pub fiscal_year_start: String,
    /// The days ticked: `mon`, `tue`...
    pub working_days: Vec<String>,
    /// Ticked (any value): reps may see the leaderboard's names and ranks.
    pub reps_see_leaderboard: String,
}

impl SettingsForm {
    /// The form filled with the account's settings.
    pub fn of(account: &Account) -> Self {
        Self {
            name: account.name.clone(),
            locale: account.locale.as_str().to_owned(),
            currency: account.currency.clone(),
            time_zone: account.time_zone.clone(),
            week_start: account.week_start.as_str().to_owned(),
            fiscal_year_start: account.fiscal_year_start.to_string(),
            working_days: account.working_days.as_str().split(',').map(str::to_owned).collect(),
            reps_see_leaderboard: if account.reps_see_leaderboard { "on".to_owned() } else { String::new() },
        }
    }

    /// The settings it asks for, or every field's error at once.
    pub fn parse(&self) -> Result<Settings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", AccountName::parse(&self.name));
        let locale = errors.check("locale", self.locale.parse::<Locale>());
        let currency = errors.check("currency", Currency::parse(&self.currency));
        let time_zone = errors.check("time_zone", TimeZone::parse(&self.time_zone));
        let week_start = errors.check("week_start", self.week_start.parse::<WeekStart>());
        let fiscal_year_start = errors.check("fiscal_year_start", FiscalYearStart::parse(&self.fiscal_year_start));
        let working_days = errors.check("working_days", WorkingDays::parse(&self.working_days.join(",")));
        match (name, locale, currency, time_zone, week_start, fiscal_year_start, working_days) {
            (Some(name), Some(locale), Some(currency), Some(zone), Some(week_start), Some(fiscal), Some(days))
                if errors.is_empty() =>
            {
                Ok(Settings {
                    name: name.as_str().to_owned(),
                    locale,
                    currency: currency.as_str().to_owned(),
                    time_zone: zone.as_str().to_owned(),
                    week_start,
                    fiscal_year_start: i32::try_from(fiscal.month()).unwrap_or(1),
                    working_days: days,
                    reps_see_leaderboard: !self.reps_see_leaderboard.trim().is_empty(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the settings page shows.
pub struct SettingsPage {
    /// The account as it is now.
    pub account: Account,
    pub holidays: Vec<Holiday>,
    /// The time-zone change still being applied, if one is.
    pub rebuild: Option<RebuildRow>,
    /// Whether an amount is recorded: the currency can no longer change.
    pub records_money: bool,
}

fn admin(actor: &Actor) -> Result<(), Error> {
    actor.require_admin()
}

pub fn page(cx: &mut Cx, actor: &Actor) -> Result<SettingsPage, Error> {
    admin(actor)?;
    let id = actor.account_id();
    Ok(SettingsPage {
        account: accounts::find(cx.conn, id)?.ok_or(Error::NotFound)?,
        holidays: crate::store::holidays::list(cx.conn, id)?,
        rebuild: rebuilds::find(cx.conn, id)?,
        records_money: accounts::records_money(cx.conn, id)?,
    })
}

/// What a saved change set going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// A new time zone: the history is being moved to it.
    pub rebuilding: bool,
}

/// Saves the settings. Refused whole, with the form's errors, when a field is wrong, when
/// the currency would change while amounts are recorded (they are never converted), or
/// while an earlier time-zone change is still being applied.
pub fn change(cx: &mut Cx, actor: &Actor, form: &SettingsForm) -> Result<Saved, Error> {
    admin(actor)?;
    let wanted = form.parse()?;
    let id = actor.account_id();
    cx.change(id, |cx| {
        if rebuilds::find(cx.conn, id)?.is_some() {
            return Err(invalid(FieldErrors::FORM, "settings-rebuild-running"));
        }
        let before = accounts::find(cx.conn, id)?.ok_or(Error::NotFound)?.settings();
        if wanted.currency != before.currency && accounts::records_money(cx.conn, id)? {
            let message = Message::new("settings-currency-amounts").arg("currency", &before.currency);
            return Err(invalid("currency", message));
        }
        let name_taken = || invalid("name", Message::new("account-name-taken").arg("name", &wanted.name));
        if wanted.name != before.name && accounts::find_by_name(cx.conn, &wanted.name)?.is_some() {
            return Err(name_taken());
        }
        // Another account may take the name meanwhile: its lock is not ours.
        accounts::update_settings(cx.conn, id, &wanted)
            .map_err(|error| if is_unique_violation(&error) { name_taken() } else { error.into() })?;
        for (setting, before, after) in differences(&before, &wanted) {
            audit::record(cx.conn, id, Some(actor.user), &Event::SettingChanged { setting, before, after }, cx.now)?;
        }
        let rebuilding = wanted.time_zone != before.time_zone;
        if rebuilding {
            rebuilds::start(cx.conn, id, &wanted.time_zone, cx.now.naive_utc())?;
        }
        let calendar_moved = rebuilding
            || wanted.week_start != before.week_start
            || wanted.fiscal_year_start != before.fiscal_year_start;
        if calendar_moved {
            redate_targets(cx, id)?;
        }
        Ok(Saved { rebuilding })
    })
}

/// Each setting that differs, with its stored values before and after.
fn differences(before: &Settings, after: &Settings) -> Vec<(Setting, String, String)> {
    let pairs = [
        (Setting::Name, before.name.clone(), after.name.clone()),
        (Setting::Language, before.locale.as_str().to_owned(), after.locale.as_str().to_owned()),
        (Setting::Currency, before.currency.clone(), after.currency.clone()),
        (Setting::TimeZone, before.time_zone.clone(), after.time_zone.clone()),
        (Setting::WeekStart, before.week_start.as_str().to_owned(), after.week_start.as_str().to_owned()),
        (Setting::FiscalYearStart, before.fiscal_year_start.to_string(), after.fiscal_year_start.to_string()),
        (Setting::WorkingDays, before.working_days.as_str().to_owned(), after.working_days.as_str().to_owned()),
        (Setting::RepsSeeLeaderboard, before.reps_see_leaderboard.to_string(), after.reps_see_leaderboard.to_string()),
    ];
    pairs.into_iter().filter(|(_, before, after)| before != after).collect()
}

/// Re-dates every target history on the account's calendar as it now is (rule 6 read in
/// the new calendar: a change applies from the period that held the moment it was made).
fn redate_targets(cx: &mut Cx, account: crate::domain::ids::AccountId) -> Result<(), Error> {
    let calendar = accounts::find(cx.conn, account)?.ok_or(Error::NotFound)?.calendar();
    let targets = target_history::all(cx.conn, account)?;
    let mut redated = Vec::with_capacity(targets.len());
    let mut start = 0;
    while start < targets.len() {
        let (objective, period) = (targets[start].0, targets[start].1.period);
        let end = start + targets[start..].iter().take_while(|(o, t)| *o == objective && t.period == period).count();
        let history: Vec<_> =
            targets[start..end].iter().map(|(_, t)| (t.effective_from, t.value, t.set_at.and_utc())).collect();
        for (effective_from, value, set_at) in objective::redated(&calendar, period, &history) {
            let set_at = set_at.naive_utc();
            redated.push((objective, crate::store::objectives::TargetRow { period, effective_from, value, set_at }));
        }
        start = end;
    }
    target_history::replace_all(cx.conn, account, &redated)?;
    redate_holder_targets(cx, account, &calendar)
}

/// The holders' own targets re-dated the same way, each holder's history on its own.
fn redate_holder_targets(
    cx: &mut Cx,
    account: crate::domain::ids::AccountId,
    calendar: &crate::domain::period::Calendar,
) -> Result<(), Error> {
    let entries = holder_targets::all(cx.conn, account)?;
    let mut redated = Vec::with_capacity(entries.len());
    for group in entries.chunk_by(|(o, a), (p, b)| o == p && a.user_id == b.user_id && a.period == b.period) {
        let Some((objective, first)) = group.first() else { continue };
        let (user_id, period) = (first.user_id, first.period);
        let history: Vec<_> = group.iter().map(|(_, t)| (t.effective_from, t.value, t.set_at.and_utc())).collect();
        for (effective_from, value, set_at) in objective::redated(calendar, period, &history) {
            let set_at = set_at.naive_utc();
            redated.push((*objective, HolderTargetRow { user_id, period, effective_from, value, set_at }));
        }
    }
    holder_targets::replace_all(cx.conn, account, &redated)?;
    redate_team_targets(cx, account, calendar)
}

/// The teams' targets re-dated the same way, each team's history on its own.
fn redate_team_targets(
    cx: &mut Cx,
    account: crate::domain::ids::AccountId,
    calendar: &crate::domain::period::Calendar,
) -> Result<(), Error> {
    use crate::store::team_objectives::{self, TeamTargetRow};
    let entries = team_objectives::all(cx.conn, account)?;
    let mut redated = Vec::with_capacity(entries.len());
    for group in entries.chunk_by(|(o, a), (p, b)| o == p && a.team_id == b.team_id && a.period == b.period) {
        let Some((objective, first)) = group.first() else { continue };
        let (team_id, period) = (first.team_id, first.period);
        let history: Vec<_> = group.iter().map(|(_, t)| (t.effective_from, t.value, t.set_at.and_utc())).collect();
        for (effective_from, value, set_at) in objective::redated(calendar, period, &history) {
            let set_at = set_at.naive_utc();
            redated.push((*objective, TeamTargetRow { team_id, period, effective_from, value, set_at }));
        }
    }
    team_objectives::replace_all(cx.conn, account, &redated)?;
    Ok(())
}
