//! Sales Objectives: managers set revenue and activity objectives for their reps, reps log
//! their work, and everybody sees period by period how far each rep is from each target.

pub mod app;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod password;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod web;
