//! `account set`: an account's settings from the command line, through the same use case
//! as the settings page (recorded in the audit log as its first active admin). A new time
//! zone is applied to the history here and now, with its progress on standard error.

use std::sync::Arc;

use clap::Args;

use crate::app::settings::{self, SettingsForm, rebuild};
use crate::app::{Actor, Cx};
use crate::db::AnyConnection;
use crate::domain::role::Role;
use crate::password::Passwords;
use crate::store::{rebuilds, users};

/// What to change; what is left out stays as it is.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The account's name.
    #[arg(long)]
    account: String,
    /// A new name.
    #[arg(long)]
    name: Option<String>,
    /// en or it.
    #[arg(long)]
    locale: Option<String>,
    /// ISO 4217 code; refused once amounts are recorded.
    #[arg(long)]
    currency: Option<String>,
    /// IANA time zone name: the history is recomputed in it.
    #[arg(long)]
    time_zone: Option<String>,
    #[arg(long)]
    week_start: Option<String>,
    /// The month the fiscal year begins in, 1 to 12.
    #[arg(long)]
    fiscal_year_start: Option<String>,
    /// Days and ranges: mon-fri, or mon,tue,thu.
    #[arg(long)]
    working_days: Option<String>,
}

pub fn set(conn: &mut AnyConnection, passwords: &Passwords, args: SetArgs) -> anyhow::Result<()> {
    let account = super::find_account(conn, &args.account)?;
    let admin = users::list(conn, account.id)?
        .into_iter()
        .find(|user| user.active && user.role == Role::Admin)
        .ok_or_else(|| anyhow::anyhow!("\"{}\" has no active admin to act as", account.name))?;
    let mut form = SettingsForm::of(&account);
    let given = [
        (&mut form.name, args.name),
        (&mut form.locale, args.locale),
        (&mut form.currency, args.currency),
        (&mut form.time_zone, args.time_zone),
        (&mut form.week_start, args.week_start),
        (&mut form.fiscal_year_start, args.fiscal_year_start),
    ];
    for (field, value) in given {
        if let Some(value) = value {
            *field = value;
        }
    }
    if let Some(days) = args.working_days {
        form.working_days = vec![days];
    }
    let actor = Actor { user: admin.id, role: admin.role, account: Arc::new(account) };
    let mut cx = Cx::new(conn, passwords, chrono::Utc::now());
    let saved = settings::change(&mut cx, &actor, &form).map_err(|error| super::use_case_error(error, "settings"))?;
    println!("Saved the settings of \"{}\".", actor.account.name);
    if saved.rebuilding {
        let started = std::time::Instant::now();
        while rebuild::step(&mut cx, actor.account_id())? {
            if let Some(progress) = rebuilds::find(cx.conn, actor.account_id())? {
                eprint!("\rrecomputing in {}: {}%", progress.time_zone, progress.percent());
            }
        }
        eprintln!();
        println!("Recomputed the history in the new time zone in {:.1} s.", started.elapsed().as_secs_f64());
    }
    Ok(())
}
