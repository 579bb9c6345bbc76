//! Importing history from CSV: activities, and leads with their wins. All or nothing: every
//! line is checked first and each bad one reported as `line N: reason`; only a clean file
//! is written, in one transaction, buckets included.
//!
//! Checking reads only, before the account's write lock is taken: other writers wait for the
//! writing alone. Under the lock, the names the check resolved are resolved again; if any
//! changed meanwhile (an outcome deleted, a pipeline renamed), the import is refused whole.

mod activities;
pub(crate) mod file;
mod leads;
mod lookups;

pub use activities::{ACTIVITY_HEADER, import_activities};
pub use leads::{LEAD_FORECAST_COLUMNS, LEAD_HEADER, import_leads};

use crate::domain::message::Message;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file was refused; one message per bad line, nothing was written.
    #[error("{} bad line(s), nothing was imported", .0.len())]
    Refused(Vec<BadLine>),
    #[error("{0}")]
    Busy(#[from] crate::db::Busy),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
}

impl crate::db::WriteError for ImportError {
    fn database_error(&self) -> Option<&diesel::result::Error> {
        match self {
            ImportError::Database(error) => Some(error),
            _ => None,
        }
    }
}

/// A refused line of a file and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: u64,
    pub reason: Message,
}

impl BadLine {
    pub(super) fn new(line: u64, reason: impl Into<Message>) -> Self {
        Self { line, reason: reason.into() }
    }
}

/// In English, for the command line.
impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// What a clean import wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub lines: usize,
    pub leads_created: usize,
    pub prospects_created: usize,
    /// How long the account's write lock was held: other writers of the account waited at
    /// most this long (on SQLite, every writer of the database).
    pub locked: std::time::Duration,
}

/// What a file holds, as the import page's forms name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    Activities,
    Leads,
    Holidays,
}

/// Imports a file into the actor's account (admins only): its report, or every bad line
/// (nothing written).
pub fn import(
    cx: &mut crate::app::Cx,
    actor: &crate::app::Actor,
    kind: ImportKind,
    input: &[u8],
) -> Result<Result<ImportReport, Vec<BadLine>>, crate::app::Error> {
    actor.require_admin()?;
    let imported = match kind {
        ImportKind::Activities => import_activities(cx.conn, &actor.account, input, cx.now),
        ImportKind::Leads => import_leads(cx.conn, &actor.account, input, cx.now),
        ImportKind::Holidays => return crate::app::settings::holidays::import(cx, actor, input),
    };
    match imported {
        Ok(report) => Ok(Ok(report)),
        Err(ImportError::Refused(lines)) => Ok(Err(lines)),
        Err(ImportError::Busy(busy)) => Err(busy.into()),
        Err(ImportError::Database(error)) => Err(error.into()),
    }
}
