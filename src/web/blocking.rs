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
        let mut conn = pool.get().map_err(|e| AppError::Internal(e.into()))?;
        work(&mut conn)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
}
