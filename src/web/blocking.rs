use actix_web::web;

use super::AppError;
use crate::db::{AnyConnection, Pool};

/// Runs blocking database (and password hashing) work on actix's thread pool with a pooled
/// connection, so request threads never wait on SQLite, PostgreSQL or argon2.
pub async fn with_conn<T, F>(pool: &Pool, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    web::block(move || {
        // Every connection taken for longer than the pool's timeout: the server is busy,
        // which is worth a retry (503), not an error of ours (500).
        let mut conn = pool.get().map_err(|error| {
            tracing::warn!(%error, "no database connection free in time");
            AppError::Busy
        })?;
        work(&mut conn)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
}
