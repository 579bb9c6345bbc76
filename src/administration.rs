//! What admins change: edition and licences, users and roles, teams; and what everyone
//! changes of their own account. Each change is checked, written in one transaction and
//! recorded in the audit log.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

use crate::change::{ChangeError, invalid};
use crate::db::AnyConnection;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::edition::Edition;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{TeamId, UserId};
use crate::domain::message::Message;
use crate::domain::recording as words;
use crate::domain::role::Role;
use crate::domain::user::{Email, NewPassword, PersonName};
use crate::password::{self, Passwords};
use crate::store::accounts::{self, AccountRow};
use crate::store::audit::{self, Entry};
use crate::store::teams::{self, NewMembership, NewTeam};
use crate::store::users::{self, NewUser, UserRow};
use crate::store::{is_unique_violation, password_links, sessions};

/// Checks, under the account's lock, that the actor is still an active admin of the
/// account: a request that began before its author was deactivated or demoted changes
/// nothing.
fn still_admin(conn: &mut AnyConnection, account: &AccountRow, actor: &UserRow) -> Result<(), ChangeError> {
    match users::find(conn, actor.id)? {
        Some(now) if now.account_id == account.id && now.active && now.role() == Role::Admin => Ok(()),
        _ => Err(ChangeError::Forbidden),
    }
}

/// How long a set-password link works.
pub fn link_lifetime() -> Duration {
    Duration::days(7)
}

/// Records a change made by `actor` in `account`.
pub fn record(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: Option<UserId>,
    action: &str,
    subject: &str,
    (before, after): (&str, &str),
    now: DateTime<Utc>,
) -> diesel::QueryResult<()> {
    audit::record(conn, &Entry { account: account.id, actor, action, subject, before, after }, now.naive_utc())
}

// ------------------------------------------------------------ edition and licences

pub fn change_licences(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    edition: &str,
    licences: &str,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    let mut errors = FieldErrors::new();
    let edition = errors.check("edition", edition.parse::<Edition>());
    let licences =
        errors.check("licences", licences.trim().parse::<u32>().map_err(|_| Invalid::new("licences-whole-number")));
    let (Some(edition), Some(licences)) = (edition, licences) else { return Err(errors.into()) };
    let licences = edition.check_licences(licences).map_err(|Invalid(m)| invalid("licences", m))?;
    let licences = i32::try_from(licences).map_err(|_| invalid("licences", "licences-too-many"))?;
    accounts::change(conn, account.id, |conn| {
        still_admin(conn, account, actor)?;
        let active = users::count_active(conn, account.id)?;
        if i64::from(licences) < active {
            return Err(invalid(
                "licences",
                Message::new("licences-below-active").arg("active", active).arg("licences", licences),
            ));
        }
        let before = accounts::find(conn, account.id)?.ok_or(ChangeError::NotFound)?;
        accounts::set_edition_and_licences(conn, account.id, edition.as_str(), licences)?;
        if before.edition() != edition {
            let change = (before.edition().label(), edition.label());
            record(conn, account, Some(actor.id), "edition changed", &account.name, change, now)?;
        }
        if before.licences != licences {
            let change = (before.licences.to_string(), licences.to_string());
            record(conn, account, Some(actor.id), "licences changed", &account.name, (&change.0, &change.1), now)?;
        }
        Ok(())
    })
}

fn require_free_licence(
    conn: &mut AnyConnection,
    account: &AccountRow,
    field: &'static str,
) -> Result<(), ChangeError> {
    let licences = accounts::find(conn, account.id)?.map_or(0, |a| a.licences);
    if users::count_active(conn, account.id)? >= i64::from(licences) {
        return Err(invalid(field, Message::new("licences-all-used").arg("licences", licences)));
    }
    Ok(())
}

// ------------------------------------------------------------ users

/// The new-user form. An empty password with `link` set creates the user with a one-time
/// set-password link instead.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewUserForm {
    pub name: String,
    pub email: String,
    pub role: String,
    pub password: String,
    pub link: String,
}

/// A user created: and, when asked for, the one-time link's token.
pub struct Created {
    pub user: UserRow,
    pub link_token: Option<String>,
}

/// Checks a new-user form and hashes its password (outside any transaction: hashing is slow).
pub struct CheckedUser {
    email: Email,
    name: PersonName,
    role: Role,
    hash: String,
    link: bool,
}

pub fn check_new_user(passwords: &Passwords, form: &NewUserForm) -> Result<CheckedUser, ChangeError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", PersonName::parse(&form.name));
    let email = errors.check("email", Email::parse(&form.email));
    let role = errors.check("role", form.role.parse::<Role>());
    let link = !form.link.trim().is_empty() && form.password.is_empty();
    let password = if link {
        // Nobody knows this one: the user sets theirs through the link.
        NewPassword::parse(&password::random_token()).ok()
    } else {
        errors.check("password", NewPassword::parse(&form.password))
    };
    let (Some(name), Some(email), Some(role), Some(password)) = (name, email, role, password) else {
        return Err(errors.into());
    };
    let hash = passwords.hash(&password)?;
    Ok(CheckedUser { email, name, role, hash, link })
}

fn insert_checked(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    user: &CheckedUser,
    now: DateTime<Utc>,
) -> Result<Created, ChangeError> {
    let taken = || invalid("email", Message::new("email-taken").arg("email", user.email.as_str()));
    if users::email_taken(conn, account.id, user.email.as_str())? {
        return Err(taken());
    }
    require_free_licence(conn, account, "email")?;
    let row = users::insert(
        conn,
        &NewUser {
            account_id: account.id,
            email: user.email.as_str(),
            name: user.name.as_str(),
            role: user.role,
            active: true,
            password_hash: &user.hash,
            session_version: 1,
            created_at: now.naive_utc(),
        },
    )
    .map_err(|e| if is_unique_violation(&e) { taken() } else { e.into() })?;
    record(conn, account, Some(actor.id), "user created", &row.email, ("", &english(user.role.label_key())), now)?;
    let link_token = if user.link {
        let token = password::random_token();
        let expires = (now + link_lifetime()).naive_utc();
        password_links::insert(conn, &password::token_hash(&token), account.id, row.id, expires)?;
        Some(token)
    } else {
        None
    };
    Ok(Created { user: row, link_token })
}

pub fn create_user(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    user: &CheckedUser,
    now: DateTime<Utc>,
) -> Result<Created, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        still_admin(conn, account, actor)?;
        insert_checked(conn, account, actor, user, now)
    })
}

fn user_of(conn: &mut AnyConnection, account: &AccountRow, id: UserId) -> Result<UserRow, ChangeError> {
    users::find(conn, id)?.filter(|u| u.account_id == account.id).ok_or(ChangeError::NotFound)
}

pub fn change_role(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: UserId,
    role: &str,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    let role = role.parse::<Role>().map_err(|Invalid(m)| invalid("role", m))?;
    accounts::change(conn, account.id, |conn| {
        still_admin(conn, account, actor)?;
        let user = user_of(conn, account, id)?;
        if user.id == actor.id && role != Role::Admin {
            return Err(invalid("role", "own-admin-role"));
        }
        if user.role() == role {
            return Ok(());
        }
        users::set_role(conn, account.id, id, role.as_str())?;
        record(
            conn,
            account,
            Some(actor.id),
            "role changed",
            &user.email,
            (&english(user.role().label_key()), &english(role.label_key())),
            now,
        )?;
        Ok(())
    })
}

pub fn set_active(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: UserId,
    active: bool,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        still_admin(conn, account, actor)?;
        let user = user_of(conn, account, id)?;
        activation(conn, account, actor, &user, active, now)
    })
}

fn activation(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    user: &UserRow,
    active: bool,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    if user.active == active {
        return Ok(());
    }
    if active {
        require_free_licence(conn, account, "user")?;
    } else if user.role() == Role::Admin && users::count_active_admins(conn, account.id)? <= 1 {
        return Err(invalid("user", "last-active-admin"));
    }
    users::set_active(conn, account.id, user.id, active)?;
    if !active {
        sessions::delete_for_user(conn, user.id, None)?;
    }
    let (before, after) = if active { ("inactive", "active") } else { ("active", "inactive") };
    record(
        conn,
        account,
        Some(actor.id),
        if active { "user reactivated" } else { "user deactivated" },
        &user.email,
        (before, after),
        now,
    )?;
    Ok(())
}

/// Ends every session of a user of the account, on every server: a lost phone, a shared
/// computer. Their next request asks them to sign in again.
pub fn end_sessions(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    id: UserId,
    now: DateTime<Utc>,
) -> Result<usize, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        still_admin(conn, account, actor)?;
        let user = user_of(conn, account, id)?;
        users::bump_session_version(conn, account.id, user.id)?;
        let ended = sessions::delete_for_user(conn, user.id, None)?;
        record(conn, account, Some(actor.id), "sessions ended", &user.email, ("", &ended.to_string()), now)?;
        Ok(ended)
    })
}

/// Frees `from`'s licence and gives it, in one step, to an inactive user (`to`) or to a
/// new one.
pub fn transfer_licence(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: &UserRow,
    from: UserId,
    to: Result<UserId, &CheckedUser>,
    now: DateTime<Utc>,
) -> Result<Option<Created>, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        still_admin(conn, account, actor)?;
        let leaving = user_of(conn, account, from)?;
        if !leaving.active {
            return Err(invalid("from", Message::new("holds-no-licence").arg("name", &leaving.name)));
        }
        activation(conn, account, actor, &leaving, false, now)?;
        match to {
            Ok(id) => {
                let arriving = user_of(conn, account, id)?;
                if arriving.active {
                    return Err(invalid("to", Message::new("holds-a-licence").arg("name", &arriving.name)));
                }
                activation(conn, account, actor, &arriving, true, now)?;
                Ok(None)
            }
            Err(new) => insert_checked(conn, account, actor, new, now).map(Some),
        }
    })
}

/// Sets a password through a one-time link, which then stops working.
pub fn use_link(conn: &mut AnyConnection, token: &str, hash: &str, now: DateTime<Utc>) -> Result<UserRow, ChangeError> {
    let token_hash = password::token_hash(token);
    let (account, _) = password_links::find(conn, &token_hash, now.naive_utc())?.ok_or(ChangeError::NotFound)?;
    accounts::change(conn, account, |conn| {
        // Read again under the lock: the same link used twice at once sets one password.
        let (_, user) = password_links::find(conn, &token_hash, now.naive_utc())?.ok_or(ChangeError::NotFound)?;
        users::set_password(conn, user, hash)?;
        password_links::delete_for(conn, user)?;
        users::find(conn, user)?.ok_or(ChangeError::NotFound)
    })
}

/// Whether a link is still good (to show its form or say it expired).
pub fn link_is_valid(conn: &mut AnyConnection, token: &str, now: DateTime<Utc>) -> diesel::QueryResult<bool> {
    Ok(password_links::find(conn, &password::token_hash(token), now.naive_utc())?.is_some())
}

// ------------------------------------------------------------ teams

pub fn create_team(
    conn: &mut AnyConnection,
    account: &AccountRow,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
    accounts::change(conn, account.id, |conn| {
        if teams::find_by_name(conn, account.id, &name)?.is_some() {
            return Err(invalid("name", Message::new("team-name-taken").arg("name", &name)));
        }
        teams::insert(conn, &NewTeam { account_id: account.id, name: &name, created_at: now.naive_utc() })?;
        Ok(())
    })
}

/// A change to one team.
pub enum TeamChange<'a> {
    Rename(&'a str),
    Delete,
    AddMember(&'a str),
    RemoveMember(UserId),
    SetManager(UserId, bool),
}

pub fn change_team(
    conn: &mut AnyConnection,
    account: &AccountRow,
    team: TeamId,
    change: TeamChange,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        teams::find(conn, account.id, team)?.ok_or(ChangeError::NotFound)?;
        match change {
            TeamChange::Rename(name) => {
                let name = words::parse_name(name, "name-required").map_err(|Invalid(m)| invalid("name", m))?;
                if teams::find_by_name(conn, account.id, &name)?.is_some_and(|t| t.id != team) {
                    return Err(invalid("name", Message::new("team-name-taken").arg("name", &name)));
                }
                teams::rename(conn, account.id, team, &name)?;
            }
            TeamChange::Delete => {
                teams::delete(conn, account.id, team)?;
            }
            TeamChange::AddMember(raw) => {
                let id = words::parse_id(raw, "choose-user").map_err(|Invalid(m)| invalid("user_id", m))?;
                let user = user_of(conn, account, UserId(id)).map_err(|_| invalid("user_id", "choose-account-user"))?;
                if teams::is_member(conn, team, user.id)? {
                    return Err(invalid("user_id", Message::new("already-in-team").arg("name", &user.name)));
                }
                teams::add_member(
                    conn,
                    &NewMembership { account_id: account.id, team_id: team, user_id: user.id, is_manager: false },
                )?;
            }
            TeamChange::RemoveMember(user) => {
                if teams::remove_member(conn, account.id, team, user)? == 0 {
                    return Err(ChangeError::NotFound);
                }
            }
            TeamChange::SetManager(user, manager) => {
                if teams::set_manager(conn, account.id, team, user, manager)? == 0 {
                    return Err(ChangeError::NotFound);
                }
            }
        }
        Ok(())
    })
}

// ------------------------------------------------------------ my account

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MyAccountForm {
    pub name: String,
    pub locale: String,
    pub current_password: String,
    pub new_password: String,
}

/// Changes the reader's name, language and (with the current one) password. A new
/// password ends the reader's other sessions; `session` (the one making the change) goes on.
pub fn update_my_account(
    conn: &mut AnyConnection,
    passwords: &Passwords,
    me: &UserRow,
    session: &str,
    form: &MyAccountForm,
) -> Result<(), ChangeError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", PersonName::parse(&form.name));
    let locale = match form.locale.trim() {
        "" => Some(None),
        raw => errors.check("locale", raw.parse::<Locale>()).map(Some),
    };
    let new_hash = if form.new_password.is_empty() {
        None
    } else if !passwords.verify(&form.current_password, Some(&me.password_hash)) {
        errors.add("current_password", "current-password-wrong");
        None
    } else {
        errors.check("new_password", NewPassword::parse(&form.new_password)).map(|p| passwords.hash(&p)).transpose()?
    };
    errors.clone().into_result()?;
    let (Some(name), Some(locale)) = (name, locale) else { return Err(errors.into()) };
    accounts::change(conn, me.account_id, |conn| {
        users::set_name(conn, me.id, name.as_str())?;
        users::set_locale(conn, me.id, locale.map(Locale::as_str))?;
        if let Some(hash) = &new_hash {
            users::set_password(conn, me.id, hash)?;
            let version = users::find(conn, me.id)?.ok_or(ChangeError::NotFound)?.session_version;
            sessions::delete_for_user(conn, me.id, Some(session))?;
            sessions::set_user_version(conn, session, version)?;
        }
        Ok(())
    })
}

/// The audit log keeps the words of the moment in English, as written.
fn english(key: &str) -> String {
    crate::i18n::lookup(Locale::En, key, &[])
}
