use actix_web::HttpResponse;
use actix_web::web::Data;

use super::AppState;

/// 200 `ok` when the database answers, 503 otherwise.
pub async fn get(state: Data<AppState>) -> HttpResponse {
    match state.app.run(crate::app::health).await {
        Ok(()) => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok"),
        Err(error) => {
            tracing::error!(%error, "health check: the database does not answer");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
    }
}
