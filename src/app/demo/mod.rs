//! The demo account: a small Italian sales team with half a year of history, ready to
//! sign in to.

use crate::db::{self, AnyConnection};
mod history;
use crate::app::provision::{self, AccountSpec, ProvisionError, UserSpec};
use crate::app::{Actor, Cx};
use crate::domain::account::{AccountName, Currency, Locale, TimeZone, WeekStart};
use crate::domain::edition::Edition;
use crate::domain::role::Role;
use crate::domain::user::{Email, NewPassword, PersonName};
use crate::password::Passwords;
use crate::store::accounts;
use crate::store::teams::{self, NewMembership, NewTeam};

pub const ACCOUNT_NAME: &str = "Demo Srl";
pub const DEFAULT_PASSWORD: &str = "demo-objectives";
const EMAIL_DOMAIN: &str = "demo-srl.example";

const TEAMS: [&str; 2] = ["Nord", "Sud"];

/// One person of the demo: their teams, `true` where they manage it.
struct Person {
    name: &'static str,
    role: Role,
    teams: &'static [(&'static str, bool)],
}

/// The first is the admin the account is created with.
const PEOPLE: [Person; 8] = [
    Person { name: "Giulia Ferri", role: Role::Admin, teams: &[] },
    Person { name: "Marco Bianchi", role: Role::Manager, teams: &[("Nord", true), ("Sud", true)] },
    Person { name: "Luca Rossi", role: Role::Rep, teams: &[("Nord", false)] },
    Person { name: "Sara Colombo", role: Role::Rep, teams: &[("Nord", false)] },
    Person { name: "Davide Greco", role: Role::Rep, teams: &[("Nord", false)] },
    Person { name: "Chiara Romano", role: Role::Rep, teams: &[("Sud", false)] },
    Person { name: "Paolo Esposito", role: Role::Rep, teams: &[("Sud", false)] },
    Person { name: "Francesca Ricci", role: Role::Rep, teams: &[("Sud", false)] },
];

/// One line of the printed sign-in list.
pub struct DemoLogin {
    pub email: String,
    pub name: &'static str,
    pub role: Role,
}

/// The demo's sign-in e-mails, whether or not it is loaded.
pub fn logins() -> Vec<DemoLogin> {
    PEOPLE.iter().map(|p| DemoLogin { email: email_of(p.name), name: p.name, role: p.role }).collect()
}

fn email_of(name: &str) -> String {
    format!("{}@{EMAIL_DOMAIN}", name.to_lowercase().replace(' ', "."))
}

pub fn is_loaded(conn: &mut AnyConnection) -> diesel::QueryResult<bool> {
    Ok(accounts::find_by_name(conn, ACCOUNT_NAME)?.is_some())
}

/// Creates the demo account, its users and teams, all or nothing.
// A new account, written whole before anyone reads it.
#[allow(clippy::disallowed_methods)]
pub fn load(conn: &mut AnyConnection, passwords: &Passwords, password: &str) -> Result<(), ProvisionError> {
    let password = NewPassword::parse(password)?;
    let spec = |name: &str, role: Role| -> Result<UserSpec, ProvisionError> {
        Ok(UserSpec {
            email: Email::parse(&email_of(name))?,
            name: PersonName::parse(name)?,
            role,
            password: password.clone(),
        })
    };
    let account_spec = AccountSpec {
        name: AccountName::parse(ACCOUNT_NAME)?,
        edition: Edition::DreamTeam,
        licences: 10,
        time_zone: TimeZone::parse("Europe/Rome")?,
        week_start: WeekStart::default(),
        currency: Currency::parse("EUR")?,
        // Read in English until someone picks Italian in My account.
        locale: Locale::En,
        admin: spec(PEOPLE[0].name, PEOPLE[0].role)?,
    };
    db::write_transaction(conn, |conn| {
        let (account, admin) = provision::create_account(conn, passwords, &account_spec)?;
        let now = chrono::Utc::now().naive_utc();
        let mut team_ids = Vec::new();
        for name in TEAMS {
            let team = teams::insert(conn, &NewTeam { account_id: account.id, name, created_at: now })?;
            team_ids.push((name, team.id));
        }
        let mut reps = Vec::new();
        for person in &PEOPLE[1..] {
            let user = provision::create_user(conn, passwords, ACCOUNT_NAME, &spec(person.name, person.role)?)?;
            if person.role == Role::Rep {
                reps.push(user.id);
            }
            for &(team_name, is_manager) in person.teams {
                let Some(&(_, team_id)) = team_ids.iter().find(|(n, _)| *n == team_name) else { continue };
                let membership = NewMembership { account_id: account.id, team_id, user_id: user.id, is_manager };
                teams::add_member(
                    conn,
                    &membership,
                    crate::domain::objective::FROM_THE_START.and_time(chrono::NaiveTime::MIN),
                )?;
            }
        }
        history::load(conn, &account, &reps)?;
        // The demo's objectives are set by its admin, as they would be through the editor.
        let admin = Actor { user: admin.id, role: admin.role, account: std::sync::Arc::new(account) };
        // Set when the history begins: its periods were held, so they are judged.
        let began = chrono::Utc::now() - chrono::Duration::days(history::DAYS);
        history::objectives(&mut Cx::new(conn, passwords, began), &admin, &reps)?;
        Ok(())
    })
}
