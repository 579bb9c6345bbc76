//! The account's users: created with a password or a one-time set-password link, their
//! roles, activation (a deactivated user frees a licence and keeps all history), the
//! licence moved from one user to another in one step, and sessions ended everywhere.

use chrono::Duration;
use serde::Deserialize;

use super::licences::require_free_licence;
use super::still_admin;
use crate::app::audit::{self, Event};
use crate::app::{Actor, Cx, Error, User, invalid};
use crate::domain::form::FieldErrors;
use crate::domain::ids::UserId;
use crate::domain::message::Message;
use crate::domain::role::Role;
use crate::domain::user::{Email, NewPassword, PersonName};
use crate::password::{self, Passwords};
use crate::store::users::{self, NewUser};
use crate::store::{is_unique_violation, password_links, sessions, teams};

/// How long a set-password link works.
pub fn link_lifetime() -> Duration {
    Duration::days(7)
}

/// A user as the users page lists them, with the names of their teams.
pub struct UserLine {
    pub user: User,
    pub teams: Vec<String>,
}

/// The users page: every user of the account, by name, and the licences paid for.
pub struct Roster {
    pub users: Vec<UserLine>,
    pub licences: i32,
}

/// The account's users (admins only), by name, and its licences.
pub fn roster(cx: &mut Cx, actor: &Actor) -> Result<Roster, Error> {
    let (_, licences) = super::licences::in_use(cx, actor)?;
    let account = actor.account_id();
    let teams = teams::list_with_members(cx.conn, account)?;
    let users = users::list(cx.conn, account)?
        .into_iter()
        .map(|user| {
            let names = teams
                .iter()
                .filter(|(_, members)| members.iter().any(|m| m.user_id == user.id))
                .map(|(team, _)| team.name.clone())
                .collect();
            UserLine { user, teams: names }
        })
        .collect();
    Ok(Roster { users, licences })
}

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
    pub user: User,
    pub link_token: Option<String>,
}

/// A new-user form checked, its password hashed (outside any transaction: hashing is slow).
pub struct CheckedUser {
    email: Email,
    name: PersonName,
    role: Role,
    hash: String,
    link: bool,
}

pub fn check_new_user(passwords: &Passwords, form: &NewUserForm) -> Result<CheckedUser, Error> {
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

pub fn create(cx: &mut Cx, actor: &Actor, form: &NewUserForm) -> Result<Created, Error> {
    actor.require_admin()?;
    let user = check_new_user(cx.passwords, form)?;
    cx.change(actor.account_id(), |cx| {
        still_admin(cx, actor)?;
        insert_checked(cx, actor, &user)
    })
}

fn insert_checked(cx: &mut Cx, actor: &Actor, user: &CheckedUser) -> Result<Created, Error> {
    let account = actor.account_id();
    let taken = || invalid("email", Message::new("email-taken").arg("email", user.email.as_str()));
    if users::email_taken(cx.conn, account, user.email.as_str())? {
        return Err(taken());
    }
    require_free_licence(cx, actor, "email")?;
    let row = users::insert(
        cx.conn,
        &NewUser {
            account_id: account,
            email: user.email.as_str(),
            name: user.name.as_str(),
            role: user.role,
            active: true,
            password_hash: &user.hash,
            session_version: 1,
            created_at: cx.now.naive_utc(),
        },
    )
    .map_err(|e| if is_unique_violation(&e) { taken() } else { e.into() })?;
    let event = Event::UserCreated { email: row.email.clone(), role: user.role };
    audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
    let link_token = if user.link {
        let token = password::random_token();
        let expires = (cx.now + link_lifetime()).naive_utc();
        password_links::insert(cx.conn, &password::token_hash(&token), account, row.id, expires)?;
        Some(token)
    } else {
        None
    };
    Ok(Created { user: row, link_token })
}

/// A user of the actor's account.
fn user_of(cx: &mut Cx, actor: &Actor, id: UserId) -> Result<User, Error> {
    users::find(cx.conn, id)?.filter(|u| u.account_id == actor.account_id()).ok_or(Error::NotFound)
}

pub(super) fn member_of(cx: &mut Cx, actor: &Actor, id: UserId) -> Result<User, Error> {
    user_of(cx, actor, id)
}

/// Gives a user another role. An admin cannot take away their own.
pub fn change_role(cx: &mut Cx, actor: &Actor, id: UserId, role: &str) -> Result<(), Error> {
    actor.require_admin()?;
    let role = role.parse::<Role>().map_err(|crate::domain::Invalid(m)| invalid("role", m))?;
    cx.change(actor.account_id(), |cx| {
        still_admin(cx, actor)?;
        let user = user_of(cx, actor, id)?;
        if user.id == actor.user && role != Role::Admin {
            return Err(invalid("role", "own-admin-role"));
        }
        if user.role == role {
            return Ok(());
        }
        users::set_role(cx.conn, actor.account_id(), id, role)?;
        let event = Event::RoleChanged { email: user.email.clone(), before: user.role, after: role };
        audit::record(cx.conn, actor.account_id(), Some(actor.user), &event, cx.now)?;
        Ok(())
    })
}

/// Deactivates (frees the licence, ends the sessions) or reactivates (needs a free licence)
/// a user. The last active admin stays.
/// What deactivating a user is said to do: their name and the active objectives they hold.
pub fn deactivation(cx: &mut Cx, actor: &Actor, id: UserId) -> Result<(String, Vec<String>), Error> {
    actor.require_admin()?;
    let user = user_of(cx, actor, id)?;
    let held = crate::store::objectives::held_by(cx.conn, actor.account_id(), id)?;
    Ok((user.name, held.into_iter().map(|(objective, _)| objective.name).collect()))
}

pub fn set_active(cx: &mut Cx, actor: &Actor, id: UserId, active: bool) -> Result<(), Error> {
    actor.require_admin()?;
    cx.change(actor.account_id(), |cx| {
        still_admin(cx, actor)?;
        let user = user_of(cx, actor, id)?;
        activation(cx, actor, &user, active)
    })
}

fn activation(cx: &mut Cx, actor: &Actor, user: &User, active: bool) -> Result<(), Error> {
    let account = actor.account_id();
    if user.active == active {
        return Ok(());
    }
    if active {
        require_free_licence(cx, actor, "user")?;
    } else if user.role == Role::Admin && users::count_active_admins(cx.conn, account)? <= 1 {
        return Err(invalid("user", "last-active-admin"));
    }
    users::set_active(cx.conn, account, user.id, active)?;
    if !active {
        sessions::delete_for_user(cx.conn, user.id, None)?;
    }
    let email = user.email.clone();
    let event = if active { Event::UserReactivated { email } } else { Event::UserDeactivated { email } };
    audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
    Ok(())
}

/// Ends every session of a user of the account, on every server: a lost phone, a shared
/// computer. Their next request asks them to sign in again.
pub fn end_sessions(cx: &mut Cx, actor: &Actor, id: UserId) -> Result<usize, Error> {
    actor.require_admin()?;
    cx.change(actor.account_id(), |cx| {
        still_admin(cx, actor)?;
        let user = user_of(cx, actor, id)?;
        users::bump_session_version(cx.conn, actor.account_id(), user.id)?;
        let ended = sessions::delete_for_user(cx.conn, user.id, None)?;
        let event = Event::SessionsEnded { email: user.email.clone(), sessions: ended };
        audit::record(cx.conn, actor.account_id(), Some(actor.user), &event, cx.now)?;
        Ok(ended)
    })
}

/// Where a transferred licence goes: to an inactive user, or to a new one.
pub enum TransferTo<'a> {
    Existing(UserId),
    New(&'a NewUserForm),
}

/// Frees `from`'s licence and gives it, in one step, to an inactive user or a new one.
pub fn transfer_licence(cx: &mut Cx, actor: &Actor, from: UserId, to: TransferTo) -> Result<Option<Created>, Error> {
    actor.require_admin()?;
    let new = match to {
        TransferTo::New(form) => Some(check_new_user(cx.passwords, form)?),
        TransferTo::Existing(_) => None,
    };
    cx.change(actor.account_id(), |cx| {
        still_admin(cx, actor)?;
        let leaving = user_of(cx, actor, from)?;
        if !leaving.active {
            return Err(invalid("from", Message::new("holds-no-licence").arg("name", &leaving.name)));
        }
        activation(cx, actor, &leaving, false)?;
        match (&to, &new) {
            (TransferTo::Existing(id), _) => {
                let arriving = user_of(cx, actor, *id)?;
                if arriving.active {
                    return Err(invalid("to", Message::new("holds-a-licence").arg("name", &arriving.name)));
                }
                activation(cx, actor, &arriving, true)?;
                Ok(None)
            }
            (TransferTo::New(_), Some(new)) => insert_checked(cx, actor, new).map(Some),
            (TransferTo::New(_), None) => Err(Error::NotFound),
        }
    })
}
