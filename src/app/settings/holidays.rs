//! The account's holidays, one by one or from a CSV file (`date,name`; a date already
//! listed takes the new name). Pace does not count them as working time.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::app::audit::{self, Event};
use crate::app::import::file::{ImportLineError, check_all, records};
use crate::app::import::{BadLine, ImportError, ImportReport};
use crate::app::{Actor, Cx, Error};
use crate::domain::form::FieldErrors;
use crate::domain::message::Message;
use crate::domain::range;
use crate::domain::recording as words;
use crate::store::holidays::{self, Holiday};

pub const HOLIDAY_HEADER: [&str; 2] = ["date", "name"];

/// A holiday as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct HolidayForm {
    pub day: String,
    pub name: String,
}

impl HolidayForm {
    fn parse(&self) -> Result<Holiday, FieldErrors> {
        let mut errors = FieldErrors::new();
        let day = errors.check("day", range::parse_date(&self.day)).flatten();
        if day.is_none() && errors.get("day").is_none() {
            errors.add("day", "holiday-date-required");
        }
        let name = errors.check("holiday_name", words::parse_name(&self.name, "holiday-name-required"));
        match (day, name) {
            (Some(day), Some(name)) => Ok(Holiday { day, name }),
            _ => Err(errors),
        }
    }
}

/// Adds a holiday, or renames the one on its date.
pub fn set(cx: &mut Cx, actor: &Actor, form: &HolidayForm) -> Result<(), Error> {
    actor.require_admin()?;
    let holiday = form.parse()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        holidays::put(cx.conn, account, &holiday)?;
        let event = Event::HolidaySet { day: holiday.day, name: holiday.name.clone() };
        audit::record(cx.conn, account, Some(actor.user), &event, cx.now)
    })
}

pub fn remove(cx: &mut Cx, actor: &Actor, day: NaiveDate) -> Result<(), Error> {
    actor.require_admin()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let Some(holiday) = holidays::list(cx.conn, account)?.into_iter().find(|h| h.day == day) else {
            return Err(Error::NotFound);
        };
        holidays::delete(cx.conn, account, day)?;
        audit::record(cx.conn, account, Some(actor.user), &Event::HolidayRemoved { day, name: holiday.name }, cx.now)
    })
}

/// Imports a file of holidays, all or nothing: the report, or every bad line.
pub fn import(cx: &mut Cx, actor: &Actor, input: &[u8]) -> Result<Result<ImportReport, Vec<BadLine>>, Error> {
    actor.require_admin()?;
    let checked = match checked(input) {
        Ok(checked) => checked,
        Err(ImportError::Refused(lines)) => return Ok(Err(lines)),
        Err(ImportError::Busy(busy)) => return Err(busy.into()),
        Err(ImportError::Database(error)) => return Err(error.into()),
    };
    let account = actor.account_id();
    cx.change(account, |cx| {
        let locked = std::time::Instant::now();
        for holiday in &checked {
            holidays::put(cx.conn, account, holiday)?;
        }
        audit::record(cx.conn, account, Some(actor.user), &Event::HolidaysImported { count: checked.len() }, cx.now)?;
        Ok(Ok(ImportReport { lines: checked.len(), locked: locked.elapsed(), ..ImportReport::default() }))
    })
}

fn checked(input: &[u8]) -> Result<Vec<Holiday>, ImportError> {
    let mut seen = HashSet::new();
    check_all(records(input, &HOLIDAY_HEADER)?, |record| {
        let day = range::parse_date(&record[0])?.ok_or(ImportLineError::message("holiday-date-required"))?;
        if !seen.insert(day) {
            return Err(ImportLineError::Message(Message::new("import-holiday-repeated").arg("date", day.to_string())));
        }
        let name = words::parse_name(&record[1], "holiday-name-required")?;
        Ok(Holiday { day, name })
    })
}
