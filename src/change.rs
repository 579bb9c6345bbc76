//! Why a change was not made: the form's field errors, a record that is absent (or not
//! the actor's), or the database failing. Every write operation answers with it.

use crate::domain::form::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("{0}")]
    Invalid(FieldErrors),
    /// Absent, in another account, or not the actor's to see.
    #[error("not found")]
    NotFound,
    /// The actor may not make this change (any more: deactivated or demoted meanwhile).
    #[error("forbidden")]
    Forbidden,
    /// Another writer kept the lock past our wait (an import, say): try again in a moment.
    #[error("{0}")]
    Busy(#[from] crate::db::Busy),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    /// Anything else that failed on our side (hashing a password, say).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl crate::db::WriteError for ChangeError {
    fn database_error(&self) -> Option<&diesel::result::Error> {
        match self {
            ChangeError::Database(error) => Some(error),
            _ => None,
        }
    }
}

impl From<FieldErrors> for ChangeError {
    fn from(errors: FieldErrors) -> Self {
        ChangeError::Invalid(errors)
    }
}

pub fn invalid(field: &'static str, message: impl Into<crate::domain::message::Message>) -> ChangeError {
    ChangeError::Invalid(FieldErrors::single(field, message))
}
