//! Database access, one file per aggregate. Functions take a connection and return diesel's
//! `QueryResult`; every query about tenant data is scoped by account id.
//!
//! Lookups of one row use `get_result`, never `first`: `first` adds `LIMIT ?`, and SQLite
//! plans with a bound limit's value, so it prepares such a statement again each time the
//! value is bound, even from diesel's statement cache (a fifth of the cost of logging an
//! activity went to that). `clippy.toml` refuses `first`.

/// The one row of an account's table whose `column` equals `value`, if any: scoped by the
/// account, read with `get_result`.
macro_rules! one_in_account {
    ($conn:expr, $table:ident as $row:ty, $account:expr, $column:ident = $value:expr) => {
        $table::table
            .filter($table::account_id.eq($account))
            .filter($table::$column.eq($value))
            .select(<$row>::as_select())
            .get_result($conn)
            .optional()
    };
}

pub mod accounts;
pub mod actions;
pub mod activities;
pub mod api_requests;
pub mod api_tokens;
pub mod audit;
pub mod buckets;
pub mod counting_rules;
pub mod deleted_activities;
pub mod external_ids;
pub mod holder_targets;
pub mod holidays;
pub mod lead_changes;
pub mod leads;
pub mod objectives;
pub mod password_links;
pub mod pipelines;
pub mod prospects;
pub mod rebuilds;
pub mod sessions;
pub mod sign_in_throttle;
pub mod target_history;
pub mod team_objectives;
pub mod teams;
mod text;
pub mod users;

use diesel::result::{DatabaseErrorKind, Error};

/// Whether `error` is a unique constraint refusing a duplicate.
pub fn is_unique_violation(error: &Error) -> bool {
    matches!(error, Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _))
}
