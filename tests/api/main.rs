//! Integration tests: the real application over HTTP, each test with its own fresh
//! database (a temporary SQLite file, or a new PostgreSQL database when
//! `TEST_DATABASE_URL` is set).

mod activities;
mod administration;
mod api_leads;
mod api_objectives;
mod api_prospects;
mod api_tokens;
mod assets;
mod checkpoints;
mod cli;
mod compression;
mod concurrency;
mod confirmations;
mod counting;
mod csrf;
mod errors;
mod helpers;
mod holder_targets;
mod hostile;
mod import;
mod json_api;
mod languages;
mod leads;
mod login;
mod menu;
mod migrations;
mod monitoring;
mod objective_dates;
mod objectives;
mod prospects;
mod sales_process;
mod security_headers;
mod session;
mod settings;
mod statistics;
mod subject_pages;
mod target_plan;
mod targets;
mod team_objectives;
mod tenancy;
