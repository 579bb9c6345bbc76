//! Sales Objectives: managers set revenue and activity objectives for their reps, reps log
//! their work, and everybody sees period by period how far each rep is from each target.

pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod password;
pub mod provision;
pub mod sign_in;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod web;
