//! Statistics > Sales Objectives: the dashboard, its CSV export, the objective detail; and
//! My objectives. The figures come from the statistics use cases (`app::statistics`).

pub mod cache;
pub mod dashboard;
pub mod detail;
pub mod export;
pub mod me;
pub mod overview;
mod recomputing;
