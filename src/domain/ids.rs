//! Typed ids, so that a user id can never be passed where an account id is expected. They
//! are stored as they are (diesel reads and writes them as the integers they wrap).

use diesel_derive_newtype::DieselNewType;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, DieselNewType, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    AccountId,
    UserId,
    TeamId,
    ActionId,
    OutcomeId,
    PipelineId,
    LeadId,
    ProspectId,
    ActivityId,
    ObjectiveId,
    ApiTokenId
);
