//! Edition & licences (admins only).

pub mod licences;
