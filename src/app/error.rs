//! Why a use case did not do what it was asked: the form's field errors, a record that is
//! absent (or not the actor's), an actor not allowed, an edition without the feature, an
//! account busy with another writer, or the database failing. Every use case answers
//! with it; the web (and any other front) words it for its reader.

use crate::domain::form::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(FieldErrors),
    /// Items of a batch refused, each with its field errors (by its place in the batch).
    #[error("{} items refused", .0.len())]
    InvalidItems(Vec<(usize, FieldErrors)>),
    /// A query that cannot be answered as asked (a date out of range, say): its reason.
    #[error("{0}")]
    BadRequest(crate::domain::message::Message),
    /// Absent, in another account, or not the actor's to see.
    #[error("not found")]
    NotFound,
    /// The actor may not do this (or no longer: deactivated or demoted meanwhile).
    #[error("forbidden")]
    Forbidden,
    /// An API token without the scope the call needs.
    #[error("the token's scopes do not include {0}")]
    ScopeMissing(crate::domain::api::Scope),
    /// A retry that is not the request its idempotency key was first sent with.
    #[error("the idempotency key was used for another request")]
    KeyReused,
    /// A feature of the Dream Team edition, asked for in another edition (rule 7).
    #[error("the Dream Team edition is needed")]
    EditionRequired,
    /// Another writer kept the lock past our wait (an import, say): try again in a moment.
    #[error("{0}")]
    Busy(#[from] crate::db::Busy),
    /// The account's figures are being recomputed in its new time zone (percent done):
    /// read them again in a moment.
    #[error("figures are being recomputed ({0}% done)")]
    Recomputing(u8),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    /// Anything else that failed on our side (hashing a password, say).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl crate::db::WriteError for Error {
    fn database_error(&self) -> Option<&diesel::result::Error> {
        match self {
            Error::Database(error) => Some(error),
            _ => None,
        }
    }
}

impl From<FieldErrors> for Error {
    fn from(errors: FieldErrors) -> Self {
        Error::Invalid(errors)
    }
}

pub fn invalid(field: &'static str, message: impl Into<crate::domain::message::Message>) -> Error {
    Error::Invalid(FieldErrors::single(field, message))
}

/// A query's value refused for the reason given.
pub fn bad_request(crate::domain::Invalid(message): crate::domain::Invalid) -> Error {
    Error::BadRequest(message)
}
