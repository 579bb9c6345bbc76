//! Who acts: a user of an account, with their role, as their session says. Every use case
//! checks its actor here, in the app layer, whatever front called it.

use std::sync::Arc;

use super::{Account, Error};
use crate::domain::ids::{AccountId, UserId};
use crate::domain::role::Role;

/// Cheap to clone: the account is shared.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: UserId,
    pub role: Role,
    pub account: Arc<Account>,
}

impl Actor {
    pub fn account_id(&self) -> AccountId {
        self.account.id
    }

    /// Managers and admins: they set objectives and read the whole account's figures.
    pub fn manages(&self) -> bool {
        self.role.manages()
    }

    pub fn require_manager(&self) -> Result<(), Error> {
        if self.manages() { Ok(()) } else { Err(Error::Forbidden) }
    }

    pub fn require_admin(&self) -> Result<(), Error> {
        if self.role.administers() { Ok(()) } else { Err(Error::Forbidden) }
    }

    /// Sales objectives and teams exist only in Dream Team (rule 7).
    pub fn require_dream_team(&self) -> Result<(), Error> {
        if self.account.edition.has_sales_objectives() { Ok(()) } else { Err(Error::EditionRequired) }
    }

    /// Whether the actor may touch a record owned by `owner`: their own, or any for a
    /// manager (rule 8).
    pub fn may_touch(&self, owner: UserId) -> bool {
        self.manages() || self.user == owner
    }

    /// Whose records the actor may read: everybody's for managers and admins, else their own.
    pub fn visible_owner(&self) -> Option<UserId> {
        (!self.manages()).then_some(self.user)
    }
}
