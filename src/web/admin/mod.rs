//! Edition & licences (admins only): edition and seats, users, teams, the audit log.

pub mod audit;
pub mod licences;
pub mod teams;
pub mod users;
