//! Pure rules of the product: parsing and validating what people type, periods and
//! targets, progress, which activities an objective counts, editions, roles, the
//! throttles. No I/O here; everything is unit-tested.

pub mod account;
pub mod api;
pub mod bucket_plan;
pub mod chart;
pub mod client;
pub mod counting;
pub mod edition;
pub mod form;
pub mod ids;
pub mod language;
pub mod local_path;
pub mod message;
pub mod money;
pub mod number;
pub mod objective;
pub mod period;
pub mod progress;
pub mod range;
pub mod recording;
pub mod role;
pub mod sales_process;
pub mod session;
pub mod spreadsheet;
pub mod target_plan;
pub mod text;
mod text_enum;
pub mod throttle;
pub mod user;
pub mod working_calendar;

use message::Message;

/// A value a person typed that breaks a rule, with the message shown beside the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub Message);

impl Invalid {
    pub fn new(message: impl Into<Message>) -> Self {
        Self(message.into())
    }
}
