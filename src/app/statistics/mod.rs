//! Statistics › Sales Objectives and My objectives: every figure read from the period
//! buckets, so a page costs the same whatever the size of the history.

pub mod dashboard;
pub mod detail;
pub(crate) mod figures;
pub mod mine;
pub mod overview;
pub mod scope;

pub use figures::{HolderProgress, Measured};
pub use scope::{Filters, Scope};

pub use crate::store::objectives::Holder;
