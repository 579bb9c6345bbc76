//! Sales Objectives: managers set revenue and activity objectives for their reps, reps log
//! their work, and everybody sees period by period how far each rep is from each target.

pub mod administration;
pub mod change;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
mod demo_history;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod objectives;
pub mod password;
pub mod provision;
pub mod recording;
pub mod sign_in;
pub mod startup;
pub mod statistics;
pub mod store;
pub mod telemetry;
pub mod web;
