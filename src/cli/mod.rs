//! The command line: serve, migrate, create-account, create-user, account set, api-token
//! create, demo, verify, import. Errors are one line on standard error and a non-zero exit, never a panic.

mod account;
mod api_token;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::demo;
use crate::app::import::{self, ImportError};
use crate::app::provision::{self, AccountSpec, UserSpec};
use crate::config::{self, Config};
use crate::db::{self, AnyConnection, DatabaseUrl};
use crate::domain::Invalid;
use crate::domain::account::{AccountName, Currency, Locale, TimeZone, WeekStart};
use crate::domain::edition::Edition;
use crate::domain::role::Role;
use crate::domain::user::{Email, NewPassword, PersonName};
use crate::password::{PasswordCost, Passwords};
use crate::startup::Application;
use crate::store::accounts::AccountRow;
use crate::telemetry;

/// Sales Objectives: revenue and activity objectives for sales teams.
///
/// DATABASE_URL selects the database: a SQLite file path (default `sales-objectives.db`)
/// or a postgres:// URL.
#[derive(Debug, Parser)]
#[command(name = "sales-objectives", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate the database and serve the web application.
    Serve {
        /// Address to listen on (overrides BIND).
        #[arg(long)]
        bind: Option<String>,
        /// Load the demo account first when the database holds no account.
        #[arg(long)]
        demo: bool,
    },
    /// Bring the database schema up to date.
    Migrate,
    /// Create an account and its first admin.
    CreateAccount {
        #[arg(long)]
        name: String,
        #[arg(long)]
        admin_email: String,
        #[arg(long)]
        admin_password: String,
        #[arg(long, default_value = "Administrator")]
        admin_name: String,
        /// solopreneur, sales_essentials or dream_team.
        #[arg(long, default_value = "dream_team")]
        edition: String,
        #[arg(long, default_value_t = 10)]
        licences: u32,
        /// IANA time zone name.
        #[arg(long, default_value = "Europe/Rome")]
        time_zone: String,
        #[arg(long, default_value = "monday")]
        week_start: String,
        #[arg(long, default_value = "EUR")]
        currency: String,
        /// en or it.
        #[arg(long, default_value = "en")]
        locale: String,
    },
    /// Change an account's settings.
    Account {
        #[command(subcommand)]
        what: AccountCommand,
    },
    /// Add a user to an account.
    CreateUser {
        /// The account's name.
        #[arg(long)]
        account: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, manager or rep.
        #[arg(long, default_value = "rep")]
        role: String,
        #[arg(long)]
        password: String,
    },
    /// Load the demo account ("Demo Srl") and print its sign-in e-mails.
    Demo {
        #[arg(long, default_value = demo::DEFAULT_PASSWORD)]
        password: String,
    },
    /// Recompute every period bucket from the raw rows and report the differences.
    Verify {
        /// Only this account.
        #[arg(long)]
        account: Option<String>,
    },
    /// Make API tokens for scripts and integrations.
    ApiToken {
        #[command(subcommand)]
        what: ApiTokenCommand,
    },
    /// Import history from a CSV file, all or nothing.
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
}

#[derive(Debug, Subcommand)]
enum AccountCommand {
    /// Set its name, language, currency, time zone, week start, fiscal year or working
    /// days, as its admins do in Control Panel › Account settings.
    Set(account::SetArgs),
}

#[derive(Debug, Subcommand)]
enum ApiTokenCommand {
    /// Make a token and print its secret (once).
    Create(api_token::CreateArgs),
}

#[derive(Debug, Subcommand)]
enum ImportKind {
    /// Activities: user_email,action,outcome,subject,subject_name,pipeline,occurred_at
    Activities {
        #[arg(long)]
        account: String,
        file: PathBuf,
    },
    /// Leads: title,owner_email,pipeline,status,amount,currency,closed_at
    Leads {
        #[arg(long)]
        account: String,
        file: PathBuf,
    },
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            // clap's message, up to its usage block, folded onto one line.
            let rendered = error.render().to_string();
            let message: Vec<&str> =
                rendered.lines().take_while(|line| !line.trim().is_empty()).map(str::trim).collect();
            eprintln!("{} (see --help)", message.join(" "));
            return ExitCode::from(2);
        }
    };
    telemetry::init();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is::<Reported>() => ExitCode::FAILURE,
        Err(error) => {
            let message = format!("{error:#}").replace('\n', " ");
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Verify { account } => verify(account.as_deref()),
        Command::Account { what: AccountCommand::Set(args) } => account::set(&mut *connect()?, &passwords()?, args),
        Command::Import { what } => import(what),
        Command::ApiToken { what: ApiTokenCommand::Create(args) } => {
            api_token::create(&mut *connect()?, &passwords()?, args)
        }
        Command::Serve { bind, demo } => serve(bind.as_deref(), demo),
        Command::Migrate => {
            connect()?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::CreateAccount {
            name,
            admin_email,
            admin_password,
            admin_name,
            edition,
            licences,
            time_zone,
            week_start,
            currency,
            locale,
        } => {
            let spec = AccountSpec {
                name: AccountName::parse(&name)?,
                edition: edition.parse::<Edition>()?,
                licences,
                time_zone: TimeZone::parse(&time_zone)?,
                week_start: week_start.parse::<WeekStart>()?,
                currency: Currency::parse(&currency)?,
                locale: locale.parse::<Locale>()?,
                admin: user_spec(&admin_email, &admin_name, "admin", &admin_password)?,
            };
            let mut conn = connect()?;
            let (account, admin) = provision::create_account(&mut conn, &passwords()?, &spec)?;
            println!("Created account \"{}\" with admin {}.", account.name, admin.email);
            Ok(())
        }
        Command::CreateUser { account, email, name, role, password } => {
            let spec = user_spec(&email, &name, &role, &password)?;
            let mut conn = connect()?;
            let user = provision::create_user(&mut conn, &passwords()?, &account, &spec)?;
            println!("Created {} {} in \"{}\".", user.role().as_str(), user.email, account.trim());
            Ok(())
        }
        Command::Demo { password } => {
            let mut conn = connect()?;
            if demo::is_loaded(&mut conn)? {
                anyhow::bail!("the demo account \"{}\" already exists", demo::ACCOUNT_NAME);
            }
            demo::load(&mut conn, &passwords()?, &password)?;
            print_demo_logins(&password);
            Ok(())
        }
    }
}

fn find_account(conn: &mut AnyConnection, name: &str) -> anyhow::Result<AccountRow> {
    crate::store::accounts::find_by_name(conn, name.trim())?
        .ok_or_else(|| anyhow::anyhow!("no account is named `{}`", name.trim()))
}

fn verify(account: Option<&str>) -> anyhow::Result<()> {
    let mut conn = connect()?;
    let account = account.map(|name| find_account(&mut conn, name)).transpose()?;
    let verification = crate::store::buckets::verify(&mut conn, account.map(|a| a.id))?;
    for difference in &verification.differences {
        println!("{difference}");
    }
    println!(
        "verified: {} activities, {} won leads, {} differences",
        verification.activities,
        verification.won_leads,
        verification.differences.len()
    );
    if verification.differences.is_empty() { Ok(()) } else { Err(Reported.into()) }
}

fn import(what: ImportKind) -> anyhow::Result<()> {
    let (account, file, kind) = match &what {
        ImportKind::Activities { account, file } => (account, file, "activities"),
        ImportKind::Leads { account, file } => (account, file, "leads"),
    };
    let input = std::fs::File::open(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    let mut conn = connect()?;
    let account = find_account(&mut conn, account)?;
    let started = std::time::Instant::now();
    let imported = match what {
        ImportKind::Activities { .. } => import::import_activities(&mut conn, &account, input, chrono::Utc::now()),
        ImportKind::Leads { .. } => import::import_leads(&mut conn, &account, input, chrono::Utc::now()),
    };
    match imported {
        Ok(report) => {
            println!(
                "imported {} {kind} lines into \"{}\" in {:.1} s, the write lock held {:.1} s ({} leads and {} prospects created)",
                report.lines,
                account.name,
                started.elapsed().as_secs_f64(),
                report.locked.as_secs_f64(),
                report.leads_created,
                report.prospects_created
            );
            Ok(())
        }
        Err(ImportError::Busy(busy)) => Err(anyhow::anyhow!("{busy}")),
        Err(ImportError::Refused(lines)) => {
            for line in &lines {
                eprintln!("{line}");
            }
            eprintln!("error: {} bad line(s): nothing was imported", lines.len());
            Err(Reported.into())
        }
        Err(ImportError::Database(e)) => Err(e.into()),
    }
}

/// A use case's refusal as one line: each field's message, in English.
fn use_case_error(error: crate::app::Error, what: &str) -> anyhow::Error {
    match error {
        crate::app::Error::Invalid(errors) => {
            let messages: Vec<String> = errors.iter().map(|(field, message)| format!("{field}: {message}")).collect();
            anyhow::anyhow!("{what} refused: {}", messages.join("; "))
        }
        other => other.into(),
    }
}

/// A failure already explained on the output: exit 1 without another message.
#[derive(Debug, thiserror::Error)]
#[error("reported")]
struct Reported;

fn user_spec(email: &str, name: &str, role: &str, password: &str) -> Result<UserSpec, Invalid> {
    Ok(UserSpec {
        email: Email::parse(email)?,
        name: PersonName::parse(name)?,
        role: role.parse::<Role>()?,
        password: NewPassword::parse(password)?,
    })
}

fn database_url() -> anyhow::Result<DatabaseUrl> {
    config::database_url_from_env()
}

/// One connection, with the schema brought up to date.
fn connect() -> anyhow::Result<db::PooledConnection> {
    let pool = db::connect(&database_url()?, &db::PoolSettings { size: 1, ..db::PoolSettings::default() })?;
    Ok(pool.get()?)
}

fn passwords() -> anyhow::Result<Passwords> {
    Passwords::new(PasswordCost::PRODUCTION)
}

fn serve(bind: Option<&str>, load_demo: bool) -> anyhow::Result<()> {
    let config = Config::from_env(bind)?;
    let pool = db::connect(&config.database_url, &config.pool)?;
    if load_demo {
        let mut conn = pool.get()?;
        prepare_demo(&mut conn)?;
    }
    let url = format!("http://{}", config.bind);
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build_with_pool(config, pool)?;
        println!("Sales Objectives is listening on {url}");
        app.run_until_stopped().await?;
        Ok(())
    })
}

/// Loads the demo into an empty database; says what to sign in with either way.
fn prepare_demo(conn: &mut AnyConnection) -> anyhow::Result<()> {
    if demo::is_loaded(conn)? {
        println!("The demo account is already loaded.");
        print_demo_logins(demo::DEFAULT_PASSWORD);
        println!("(If the demo was created with `demo --password`, use that password instead.)");
    } else if crate::store::accounts::count(conn)? > 0 {
        println!("Not loading the demo: this database already holds accounts (run `sales-objectives demo` to add it).");
    } else {
        demo::load(conn, &passwords()?, demo::DEFAULT_PASSWORD)?;
        print_demo_logins(demo::DEFAULT_PASSWORD);
    }
    Ok(())
}

fn print_demo_logins(password: &str) {
    println!("Demo account \"{}\" (Dream Team, Europe/Rome, EUR). Sign in with any of:", demo::ACCOUNT_NAME);
    for login in demo::logins() {
        println!("  {:<8} {:<40} {}", login.role.as_str(), login.email, login.name);
    }
    println!("Password: {password}");
}
