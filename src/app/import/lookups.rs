//! The names a file uses (users' e-mails, actions, results, pipelines), looked up once each
//! while checking, and looked up again under the account's lock.

use std::collections::HashMap;

use super::file::ImportLineError;
use super::{BadLine, ImportError};
use crate::db::AnyConnection;
use crate::domain::ids::{ActionId, OutcomeId, PipelineId, UserId};
use crate::domain::message::Message;
use crate::store::accounts::AccountRow;
use crate::store::{actions, pipelines, users};

/// Looks names up once each: users by e-mail, actions, outcomes and pipelines by name.
pub(super) struct Lookups<'a> {
    account: &'a AccountRow,
    users: HashMap<String, Option<UserId>>,
    actions: HashMap<String, Option<ActionId>>,
    outcomes: HashMap<(ActionId, String), Option<OutcomeId>>,
    pipelines: HashMap<String, Option<PipelineId>>,
}

impl<'a> Lookups<'a> {
    pub(super) fn new(account: &'a AccountRow) -> Self {
        Self {
            account,
            users: HashMap::new(),
            actions: HashMap::new(),
            outcomes: HashMap::new(),
            pipelines: HashMap::new(),
        }
    }

    pub(super) fn user(&mut self, conn: &mut AnyConnection, email: &str) -> Result<UserId, ImportLineError> {
        let email = email.trim().to_lowercase();
        if !self.users.contains_key(&email) {
            let found = users::find_by_email(conn, self.account.id, &email)?.map(|u| u.id);
            self.users.insert(email.clone(), found);
        }
        self.users[&email]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-user").arg("email", email)))
    }

    pub(super) fn action(&mut self, conn: &mut AnyConnection, name: &str) -> Result<ActionId, ImportLineError> {
        let name = name.trim().to_owned();
        if !self.actions.contains_key(&name) {
            let found = actions::find_action_by_name(conn, self.account.id, &name)?.map(|a| a.id);
            self.actions.insert(name.clone(), found);
        }
        self.actions[&name]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-action").arg("name", name)))
    }

    pub(super) fn outcome(
        &mut self,
        conn: &mut AnyConnection,
        action: ActionId,
        name: &str,
    ) -> Result<OutcomeId, ImportLineError> {
        let key = (action, name.trim().to_owned());
        if !self.outcomes.contains_key(&key) {
            let found = actions::find_outcome_by_name(conn, action, &key.1)?.map(|o| o.id);
            self.outcomes.insert(key.clone(), found);
        }
        self.outcomes[&key]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-result").arg("name", &key.1)))
    }

    /// Whether every name looked up still means what it meant: checked again under the
    /// write lock, so that what the import writes refers to rows that exist.
    pub(super) fn still_hold(&self, conn: &mut AnyConnection) -> diesel::QueryResult<bool> {
        let account = self.account.id;
        for (email, id) in &self.users {
            if users::find_by_email(conn, account, email)?.map(|u| u.id) != *id {
                return Ok(false);
            }
        }
        for (name, id) in &self.actions {
            if actions::find_action_by_name(conn, account, name)?.map(|a| a.id) != *id {
                return Ok(false);
            }
        }
        for ((action, name), id) in &self.outcomes {
            if actions::find_outcome_by_name(conn, *action, name)?.map(|o| o.id) != *id {
                return Ok(false);
            }
        }
        for (name, id) in &self.pipelines {
            if pipelines::find_by_name(conn, account, name)?.map(|p| p.id) != *id {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(super) fn pipeline(&mut self, conn: &mut AnyConnection, name: &str) -> Result<PipelineId, ImportLineError> {
        let name = name.trim().to_owned();
        if !self.pipelines.contains_key(&name) {
            let found = pipelines::find_by_name(conn, self.account.id, &name)?.map(|p| p.id);
            self.pipelines.insert(name.clone(), found);
        }
        self.pipelines[&name]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-pipeline").arg("name", name)))
    }
}

/// Refuses the import when a name its lines use changed while they were checked.
pub(super) fn unchanged(lookups: &Lookups, conn: &mut AnyConnection) -> Result<(), ImportError> {
    if lookups.still_hold(conn)? {
        Ok(())
    } else {
        Err(ImportError::Refused(vec![BadLine::new(1, "import-changed-meanwhile")]))
    }
}
