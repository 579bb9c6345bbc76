//! Reading a file: its header, its records, and every line's check gathered in one pass.

use std::io::Read;

use chrono::{DateTime, Utc};

use super::{BadLine, ImportError};
use crate::domain::Invalid;
use crate::domain::message::Message;
use crate::domain::period::Calendar;
use crate::domain::recording as words;

/// An RFC 3339 instant, or a local `YYYY-MM-DD HH:MM` in the account's zone; never one
/// still to come at `now`.
pub(crate) fn parse_moment(calendar: &Calendar, raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, Invalid> {
    if let Ok(instant) = DateTime::parse_from_rfc3339(raw.trim()) {
        let instant = instant.with_timezone(&Utc);
        crate::domain::range::moment(instant.naive_utc())?;
        return words::done_by(instant, now);
    }
    let local = words::parse_local_moment(raw)
        .map_err(|_| Invalid::new(Message::new("import-moment-invalid").arg("value", raw.trim())))?;
    words::done_by(calendar.local_to_utc(local)?, now)
}

/// A file's records with the right number of fields, by line, and its other lines, refused.
pub(crate) type Records = (Vec<(u64, csv::StringRecord)>, Vec<BadLine>);

/// The records of `input`, after checking the header (a wrong header refuses the file alone).
pub(crate) fn records(input: impl Read, header: &[&str]) -> Result<Records, ImportError> {
    records_with(input, header, &[])
}

/// The records of `input`, whose header is `header`, or `header` followed by `optional`
/// (columns added later go at the end: files written before them still import).
pub(crate) fn records_with(input: impl Read, header: &[&str], optional: &[&str]) -> Result<Records, ImportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(input);
    let found = reader
        .headers()
        .map_err(|e| ImportError::Refused(vec![BadLine::new(1, Message::new("import-unreadable").arg("error", e))]))?
        .clone();
    let found: Vec<&str> = found.iter().map(str::trim).collect();
    let full: Vec<&str> = header.iter().chain(optional).copied().collect();
    if found != header && found != full {
        return Err(ImportError::Refused(vec![BadLine::new(
            1,
            Message::new("import-header").arg("header", header.join(",")),
        )]));
    }
    let width = found.len();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                if record.len() == width {
                    rows.push((line, record));
                } else {
                    errors.push(BadLine::new(
                        line,
                        Message::new("import-field-count").arg("expected", width).arg("found", record.len()),
                    ));
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(BadLine::new(line, Message::new("import-unreadable").arg("error", e)));
            }
        }
    }
    Ok((rows, errors))
}

/// Why one line is refused (or the database failing while checking it).
pub(crate) enum ImportLineError {
    Message(Message),
    Database(diesel::result::Error),
}

impl ImportLineError {
    pub(crate) fn message(key: &'static str) -> Self {
        Self::Message(Message::new(key))
    }
}

impl From<diesel::result::Error> for ImportLineError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Database(error)
    }
}

impl From<Invalid> for ImportLineError {
    fn from(Invalid(message): Invalid) -> Self {
        Self::Message(message)
    }
}

/// Runs `check` on every row, gathering `line N: reason` for the bad ones, with those the
/// reading found (`errors`), in the order of the file.
pub(crate) fn check_all<T>(
    (rows, mut errors): Records,
    mut check: impl FnMut(&csv::StringRecord) -> Result<T, ImportLineError>,
) -> Result<Vec<T>, ImportError> {
    let mut checked = Vec::with_capacity(rows.len());
    for (line, record) in &rows {
        match check(record) {
            Ok(value) => checked.push(value),
            Err(ImportLineError::Message(reason)) => errors.push(BadLine::new(*line, reason)),
            Err(ImportLineError::Database(error)) => return Err(error.into()),
        }
    }
    errors.sort_by_key(|bad| bad.line);
    if errors.is_empty() { Ok(checked) } else { Err(ImportError::Refused(errors)) }
}
