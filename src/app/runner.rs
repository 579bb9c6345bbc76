//! Running a use case: on a blocking thread (diesel and argon2 block), with a pooled
//! connection, so that request threads never wait on SQLite, PostgreSQL or hashing.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use super::{Actor, Error};
use crate::db::{AnyConnection, Pool};
use crate::domain::ids::AccountId;
use crate::password::Passwords;
use crate::store::accounts;

/// What a use case runs with.
pub struct Cx<'a> {
    pub(crate) conn: &'a mut AnyConnection,
    pub(crate) passwords: &'a Passwords,
    /// The moment the use case acts at.
    pub now: DateTime<Utc>,
}

impl<'a> Cx<'a> {
    pub fn new(conn: &'a mut AnyConnection, passwords: &'a Passwords, now: DateTime<Utc>) -> Self {
        Self { conn, passwords, now }
    }

    /// Runs `f` as a change to `account`'s data: see `store::accounts::change`, the
    /// discipline every write follows.
    pub(crate) fn change<T>(
        &mut self,
        account: AccountId,
        mut f: impl FnMut(&mut Cx) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let (passwords, now) = (self.passwords, self.now);
        accounts::change(self.conn, account, |conn| f(&mut Cx { conn, passwords, now }))
    }

    /// Runs `f` as a bulk change (many records at once): see `store::accounts::bulk_change`.
    pub(crate) fn bulk<T>(
        &mut self,
        account: AccountId,
        mut f: impl FnMut(&mut Cx) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let (passwords, now) = (self.passwords, self.now);
        accounts::bulk_change(self.conn, account, |conn| f(&mut Cx { conn, passwords, now }))
    }

    /// Runs `f` as a write that only adds records: see `store::accounts::append`.
    pub(crate) fn append<T>(
        &mut self,
        account: AccountId,
        mut f: impl FnMut(&mut Cx) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let (passwords, now) = (self.passwords, self.now);
        accounts::append(self.conn, account, |conn| f(&mut Cx { conn, passwords, now }))
    }
}

/// The use cases' door for a front: the pool and the hasher they run with.
#[derive(Clone)]
pub struct App {
    pool: Pool,
    passwords: Passwords,
    /// Rings when a time-zone change starts a rebuild, so the background worker starts now.
    rebuilds: Arc<Notify>,
}

impl App {
    pub fn new(pool: Pool, passwords: Passwords) -> Self {
        Self { pool, passwords, rebuilds: Arc::new(Notify::new()) }
    }

    /// Tells the background worker a rebuild is waiting.
    pub fn wake_rebuilds(&self) {
        self.rebuilds.notify_one();
    }

    /// Waits until `wake_rebuilds` is called (or was, since the last wait).
    pub async fn rebuilds_woken(&self) {
        self.rebuilds.notified().await;
    }

    pub fn passwords(&self) -> &Passwords {
        &self.passwords
    }

    /// Runs `use_case` now, on a blocking thread with a connection of the pool. No free
    /// connection within the pool's timeout is `Busy`: worth a retry, not an error.
    pub async fn run<T, F>(&self, use_case: F) -> Result<T, Error>
    where
        F: FnOnce(&mut Cx<'_>) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let (pool, passwords) = (self.pool.clone(), self.passwords.clone());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|error| {
                tracing::warn!(%error, "no database connection free in time");
                Error::Busy(crate::db::Busy)
            })?;
            use_case(&mut Cx::new(&mut conn, &passwords, Utc::now()))
        })
        .await
        .map_err(|error| Error::Internal(anyhow::anyhow!("a use case failed to finish: {error}")))?
    }

    /// Runs `use_case` as `actor`: what every page and request of a signed-in user does.
    pub async fn run_as<T, F>(&self, actor: &Actor, use_case: F) -> Result<T, Error>
    where
        F: FnOnce(&mut Cx<'_>, &Actor) -> Result<T, Error> + Send + 'static,
        T: Send + 'static,
    {
        let actor = actor.clone();
        self.run(move |cx| use_case(cx, &actor)).await
    }
}
