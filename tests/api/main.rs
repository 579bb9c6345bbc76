//! Integration tests: the real application over HTTP, each test with its own fresh
//! database (a temporary SQLite file, or a new PostgreSQL database when
//! `TEST_DATABASE_URL` is set).

mod assets;
mod cli;
mod csrf;
mod errors;
mod helpers;
mod login;
mod menu;
mod security_headers;
mod session;
mod tenancy;
