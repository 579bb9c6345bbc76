//! Accounts and their people: created the way the command line does, and the "Acme"
//! fixture most tests start from.

use sales_objectives::app::admin::teams::{self, TeamChange};
use sales_objectives::app::provision::{self, AccountSpec, UserSpec};
use sales_objectives::domain::account::{AccountName, Currency, Locale, TimeZone, WeekStart};
use sales_objectives::domain::edition::Edition;
use sales_objectives::domain::ids::TeamId;
use sales_objectives::domain::role::Role;
use sales_objectives::domain::user::{Email, NewPassword, PersonName};
use sales_objectives::store::users::UserRow;

use super::{PASSWORD, TestApp};

impl TestApp {
    /// A Dream Team account and its admin, in English.
    pub fn create_account(&self, name: &str, admin_email: &str) -> UserRow {
        self.create_account_in(name, admin_email, Locale::En)
    }

    /// A Dream Team account in `locale`, and its admin.
    pub fn create_account_in(&self, name: &str, admin_email: &str, locale: Locale) -> UserRow {
        let spec = AccountSpec {
            name: AccountName::parse(name).expect("valid name"),
            edition: Edition::DreamTeam,
            licences: 10,
            time_zone: TimeZone::parse("Europe/Rome").expect("valid zone"),
            week_start: WeekStart::default(),
            currency: Currency::parse("EUR").expect("valid currency"),
            locale,
            admin: user_spec(admin_email, "Admin Person", Role::Admin),
        };
        provision::create_account(&mut self.conn(), &self.passwords, &spec).expect("account created").1
    }

    pub fn create_user(&self, account: &str, email: &str, name: &str, role: Role) -> UserRow {
        provision::create_user(&mut self.conn(), &self.passwords, account, &user_spec(email, name, role))
            .expect("user created")
    }

    pub fn account_of(&self, user: &UserRow) -> sales_objectives::store::accounts::AccountRow {
        sales_objectives::store::accounts::find(&mut self.conn(), user.account_id)
            .expect("query")
            .expect("the user's account")
    }

    /// The demo account, loaded as `cargo run -- demo` would, with `PASSWORD` for everyone.
    pub fn load_demo(&self) {
        sales_objectives::app::demo::load(&mut self.conn(), &self.passwords, PASSWORD).expect("demo loaded");
    }

    /// A team made by `admin`, with `members`.
    pub fn team(&self, admin: &UserRow, name: &str, members: &[&UserRow]) -> TeamId {
        self.run_as(admin, |cx, actor| teams::create(cx, actor, name));
        let team = sales_objectives::store::teams::find_by_name(&mut self.conn(), admin.account_id, name)
            .expect("query")
            .expect("the team exists")
            .id;
        for member in members {
            let id = member.id.to_string();
            self.run_as(admin, |cx, actor| teams::change(cx, actor, team, TeamChange::AddMember(&id)));
        }
        team
    }

    /// Acme, a Dream Team account in Europe/Rome: its admin, and the people `build` adds.
    pub fn acme(&self) -> AcmeBuilder<'_> {
        AcmeBuilder { app: self, managers: 0, reps: 0 }
    }
}

/// The reps Acme can have, in order: `Rita Rep` is `rita@acme.example`.
const REPS: [&str; 6] = ["Rita", "Remo", "Rosa", "Rino", "Ruth", "Raul"];

/// Acme's people.
pub struct Acme {
    pub admin: UserRow,
    /// Mara Manager first.
    pub managers: Vec<UserRow>,
    /// Rita Rep, Remo Rep, Rosa Rep...
    pub reps: Vec<UserRow>,
}

impl Acme {
    pub fn manager(&self) -> &UserRow {
        self.managers.first().expect("Acme was built with a manager")
    }
}

pub struct AcmeBuilder<'a> {
    app: &'a TestApp,
    managers: usize,
    reps: usize,
}

impl AcmeBuilder<'_> {
    pub fn with_manager(mut self) -> Self {
        self.managers = 1;
        self
    }

    pub fn with_reps(mut self, count: usize) -> Self {
        self.reps = count.min(REPS.len());
        self
    }

    pub fn build(self) -> Acme {
        let admin = self.app.create_account("Acme", "admin@acme.example");
        let managers = ["Mara", "Milo"]
            .iter()
            .take(self.managers)
            .map(|name| {
                let email = format!("{}@acme.example", name.to_lowercase());
                self.app.create_user("Acme", &email, &format!("{name} Manager"), Role::Manager)
            })
            .collect();
        let reps = REPS
            .iter()
            .take(self.reps)
            .map(|name| {
                let email = format!("{}@acme.example", name.to_lowercase());
                self.app.create_user("Acme", &email, &format!("{name} Rep"), Role::Rep)
            })
            .collect();
        Acme { admin, managers, reps }
    }
}

fn user_spec(email: &str, name: &str, role: Role) -> UserSpec {
    UserSpec {
        email: Email::parse(email).expect("valid e-mail"),
        name: PersonName::parse(name).expect("valid name"),
        role,
        password: NewPassword::parse(PASSWORD).expect("valid password"),
    }
}
