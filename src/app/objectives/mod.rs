//! Control Panel › Sales Process › Sales Objectives (managers and admins of a Dream Team
//! account): the editor's form and its checks, creating, changing, archiving, assigning,
//! holders' and teams' own targets, the planning grid, and what the editor's pages read.

pub mod assignments;
pub mod editor;
pub mod form;
pub mod holder_targets;
pub mod pages;
pub mod period_targets;
pub mod target_plan;
pub mod team_objectives;

pub use form::ObjectiveForm;
