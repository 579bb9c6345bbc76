//! The use cases: everything a person (or, later, another program) can ask of the product,
//! one function each, in rooms that mirror the menu. Each takes a `Cx` (the connection,
//! the password hasher, the time now) and an `Actor` (who acts, in which account, with
//! which role), checks that the actor may, reads or writes in one transaction, and returns
//! a model for the page (or the JSON) to show, or an `Error`. Fronts (`web/`) never touch
//! the database themselves: they parse, call one use case through `App::run_as`, and render. `ARCHITECTURE.md`
//! follows one request through the layers.

mod actor;
pub mod admin;
pub mod api;
pub mod audit;
pub mod demo;
mod error;
pub mod import;
pub mod me;
pub mod objectives;
pub mod provision;
pub mod recording;
mod runner;
pub mod sales_process;
pub mod settings;
pub mod sign_in;
pub mod statistics;

pub use actor::Actor;
pub use error::{Error, bad_request, invalid};
pub use runner::{App, Cx};

/// An account as the use cases read it: its settings, typed.
pub use crate::store::accounts::AccountRow as Account;
/// A user of an account, as lists and pickers show them.
pub use crate::store::users::UserRow as User;

/// Whether the database answers (for a load balancer's health check).
pub fn health(cx: &mut Cx) -> Result<(), Error> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT 1").execute(cx.conn)?;
    Ok(())
}
