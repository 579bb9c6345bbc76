//! Creating accounts and users: shared by the command line and the demo loader, checked
//! against the domain rules and written in one transaction each.

use chrono::Utc;

use crate::db::{self, AnyConnection};
use crate::domain::Invalid;
use crate::domain::account::{AccountName, Currency, Locale, TimeZone, WeekStart};
use crate::domain::edition::Edition;
use crate::domain::ids::AccountId;
use crate::domain::role::Role;
use crate::domain::user::{Email, NewPassword, PersonName};
use crate::password::Passwords;
use crate::store;
use crate::store::accounts::{self, AccountRow, NewAccount};
use crate::store::users::{self, NewUser, UserRow};
use crate::store::{actions, pipelines};

#[derive(Debug, thiserror::Error)]
pub enum ProvisionError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("an account named `{0}` already exists")]
    DuplicateAccount(String),
    #[error("the e-mail `{0}` is already used by another user of the account")]
    DuplicateEmail(String),
    #[error("no account is named `{0}`")]
    UnknownAccount(String),
    #[error("the account has no free licence: {0} of {0} are held by active users")]
    NoFreeLicence(i32),
    #[error("{0}")]
    Busy(#[from] db::Busy),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("{0}")]
    Change(#[from] crate::app::Error),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl db::WriteError for ProvisionError {
    fn database_error(&self) -> Option<&diesel::result::Error> {
        match self {
            ProvisionError::Database(error) => Some(error),
            ProvisionError::Change(change) => change.database_error(),
            _ => None,
        }
    }
}

/// An account and its first admin, as given to `create-account`.
#[derive(Debug, Clone)]
pub struct AccountSpec {
    pub name: AccountName,
    pub edition: Edition,
    pub licences: u32,
    pub time_zone: TimeZone,
    pub week_start: WeekStart,
    pub currency: Currency,
    pub locale: Locale,
    pub admin: UserSpec,
}

/// A user to create in an account.
#[derive(Debug, Clone)]
pub struct UserSpec {
    pub email: Email,
    pub name: PersonName,
    pub role: Role,
    pub password: NewPassword,
}

// A new account: nothing was computed from it yet.
#[allow(clippy::disallowed_methods)]
pub fn create_account(
    conn: &mut AnyConnection,
    passwords: &Passwords,
    spec: &AccountSpec,
) -> Result<(AccountRow, UserRow), ProvisionError> {
    let licences = spec.edition.check_licences(spec.licences)?;
    let licences = i32::try_from(licences).map_err(|_| Invalid::new("Too many licences."))?;
    let hash = passwords.hash(&spec.admin.password)?;
    db::write_transaction(conn, |conn| {
        if accounts::find_by_name(conn, spec.name.as_str())?.is_some() {
            return Err(ProvisionError::DuplicateAccount(spec.name.as_str().to_owned()));
        }
        let account = accounts::insert(
            conn,
            &NewAccount {
                name: spec.name.as_str(),
                edition: spec.edition,
                licences,
                time_zone: spec.time_zone.name(),
                week_start: spec.week_start,
                currency: spec.currency.as_str(),
                locale: spec.locale,
                created_at: Utc::now().naive_utc(),
            },
        )
        .map_err(|e| duplicate_or(e, || ProvisionError::DuplicateAccount(spec.name.as_str().to_owned())))?;
        let admin = insert_user(conn, account.id, &spec.admin, &hash)?;
        // Every account starts with the usual actions, in its language, and one pipeline.
        actions::seed_defaults(conn, account.id, spec.locale)?;
        pipelines::insert(conn, account.id, pipelines::DEFAULT_NAME, Utc::now().naive_utc())?;
        Ok((account, admin))
    })
}

/// Adds a user to the account named `account_name`; an active user needs a free licence.
pub fn create_user(
    conn: &mut AnyConnection,
    passwords: &Passwords,
    account_name: &str,
    spec: &UserSpec,
) -> Result<UserRow, ProvisionError> {
    let hash = passwords.hash(&spec.password)?;
    let unknown = || ProvisionError::UnknownAccount(account_name.trim().to_owned());
    let account = accounts::find_by_name(conn, account_name.trim())?.ok_or_else(unknown)?;
    accounts::change(conn, account.id, |conn| {
        // Read again under the account's lock: the licences may have changed meanwhile.
        let account = accounts::find(conn, account.id)?.ok_or_else(unknown)?;
        if users::count_active(conn, account.id)? >= i64::from(account.licences) {
            return Err(ProvisionError::NoFreeLicence(account.licences));
        }
        insert_user(conn, account.id, spec, &hash)
    })
}

fn insert_user(
    conn: &mut AnyConnection,
    account: AccountId,
    spec: &UserSpec,
    hash: &str,
) -> Result<UserRow, ProvisionError> {
    let duplicate = || ProvisionError::DuplicateEmail(spec.email.as_str().to_owned());
    if users::email_taken(conn, account, spec.email.as_str())? {
        return Err(duplicate());
    }
    users::insert(
        conn,
        &NewUser {
            account_id: account,
            email: spec.email.as_str(),
            name: spec.name.as_str(),
            role: spec.role,
            active: true,
            password_hash: hash,
            session_version: 1,
            created_at: Utc::now().naive_utc(),
        },
    )
    .map_err(|e| duplicate_or(e, duplicate))
}

/// A concurrent writer can still win the race past our check: its unique constraint then
/// speaks, and we say the same thing the check would have said.
fn duplicate_or(error: diesel::result::Error, duplicate: impl FnOnce() -> ProvisionError) -> ProvisionError {
    if store::is_unique_violation(&error) { duplicate() } else { error.into() }
}
