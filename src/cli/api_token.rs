//! `api-token create`: a token for a script or an integration from the command line, made
//! by one of the account's admins as on Control Panel › API tokens (audited the same way).
//! Its secret is printed once, alone on standard output, for a script to capture.

use std::sync::Arc;

use clap::Args;

use crate::app::api::tokens::{self, TokenForm};
use crate::app::{Actor, Cx};
use crate::db::AnyConnection;
use crate::password::Passwords;
use crate::store::users;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The account's name.
    #[arg(long)]
    account: String,
    /// The admin who makes it: the token stops working when they are no longer an admin.
    #[arg(long)]
    admin_email: String,
    /// What it is for, as the Control Panel lists it.
    #[arg(long)]
    name: String,
    /// Space- or comma-separated: activities:write leads:write objectives:read
    /// objectives:write results:read users:read.
    #[arg(long)]
    scopes: String,
}

pub fn create(conn: &mut AnyConnection, passwords: &Passwords, args: CreateArgs) -> anyhow::Result<()> {
    let account = super::find_account(conn, &args.account)?;
    let admin = users::find_by_email(conn, account.id, args.admin_email.trim())?
        .ok_or_else(|| anyhow::anyhow!("\"{}\" has no user {}", account.name, args.admin_email.trim()))?;
    let actor = Actor { user: admin.id, role: admin.role, account: Arc::new(account) };
    let form = TokenForm {
        name: args.name,
        scopes: args.scopes.split([' ', ',']).filter(|s| !s.is_empty()).map(str::to_owned).collect(),
    };
    let mut cx = Cx::new(conn, passwords, chrono::Utc::now());
    let made = tokens::create(&mut cx, &actor, &form).map_err(|error| super::use_case_error(error, "the token"))?;
    eprintln!("Made API token \"{}\" in \"{}\": its secret, shown this once:", made.token.name, actor.account.name);
    println!("{}", made.secret);
    Ok(())
}
