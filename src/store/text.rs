//! The product's fixed choices (`text_enum!`) and the account's zone are stored as their
//! text on both databases. A stored text that is none of the choices is an error when it
//! is read: corrupt data is never taken for a default.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

use crate::db::AnyBackend;

/// Reads `raw` as a `T`, or says which stored text is not one.
fn parse<T: std::str::FromStr>(raw: String, what: &str) -> deserialize::Result<T> {
    raw.parse().map_err(|_| format!("`{raw}` is not a stored {what}").into())
}

macro_rules! stored_as_text {
    ($($type:ty),+ $(,)?) => {$(
        impl ToSql<Text, Sqlite> for $type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                out.set_value(self.as_str());
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, Pg> for $type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_str(), &mut out.reborrow())
            }
        }

        impl ToSql<Text, AnyBackend> for $type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, AnyBackend>) -> serialize::Result {
                out.set_value((Text, self));
                Ok(IsNull::No)
            }
        }

        impl FromSql<Text, Sqlite> for $type {
            fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                parse(<String as FromSql<Text, Sqlite>>::from_sql(bytes)?, stringify!($type))
            }
        }

        impl FromSql<Text, Pg> for $type {
            fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                parse(<String as FromSql<Text, Pg>>::from_sql(bytes)?, stringify!($type))
            }
        }

        impl FromSql<Text, AnyBackend> for $type {
            fn from_sql(bytes: <AnyBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                bytes.from_sql::<Self, Text>()
            }
        }
    )+};
}

use crate::domain::account::{Locale, TimeZone, WeekStart};
use crate::domain::edition::Edition;
use crate::domain::objective::{Context, ObjectiveKind, SalesMetric};
use crate::domain::period::PeriodKind;
use crate::domain::recording::{LeadStatus, SubjectKind};
use crate::domain::role::Role;
use crate::domain::working_calendar::WorkingDays;

stored_as_text!(
    WorkingDays,
    TimeZone,
    Edition,
    Role,
    Locale,
    WeekStart,
    LeadStatus,
    SubjectKind,
    ObjectiveKind,
    SalesMetric,
    Context,
    PeriodKind
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_text_that_is_no_choice_is_an_error_not_a_default() {
        assert_eq!(parse::<Role>("manager".into(), "Role").ok(), Some(Role::Manager));
        let error = parse::<Role>("wizard".into(), "Role").expect_err("refused");
        assert_eq!(error.to_string(), "`wizard` is not a stored Role");
        assert!(parse::<Edition>(String::new(), "Edition").is_err());
    }
}
