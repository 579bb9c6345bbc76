//! Control Panel › Sales Process: the account's actions and their results, and its
//! pipelines (managers and admins).

pub mod actions;
pub mod pipelines;
