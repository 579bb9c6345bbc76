use actix_web::HttpResponse;
use actix_web::web::Data;
use diesel::RunQueryDsl;

use super::{AppError, AppState, with_conn};

/// 200 `ok` when the database answers, 503 otherwise.
pub async fn get(state: Data<AppState>) -> HttpResponse {
    let answered =
        with_conn(&state.pool, |conn| diesel::sql_query("SELECT 1").execute(conn).map_err(AppError::from)).await;
    match answered {
        Ok(_) => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok"),
        Err(error) => {
            tracing::error!(%error, "health check: the database does not answer");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
    }
}
