//! Control Panel > Import (admins): upload activities or leads as CSV, then read the
//! report. All or nothing, like the command line.

use actix_multipart::Multipart;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path};
use askama::Template;
use futures_util::StreamExt;

use crate::import::{self, ACTIVITY_HEADER, ImportError, ImportReport, LEAD_HEADER};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

/// Larger files belong to the command line.
const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

#[derive(Template)]
#[template(path = "control_panel/import.html")]
struct ImportPage {
    layout: Layout,
    activity_header: String,
    lead_header: String,
    /// After an upload: what was imported, or the refused lines.
    outcome: Option<Result<(String, ImportReport), Vec<String>>>,
}

pub async fn get(RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    render(&current, None, StatusCode::OK)
}

/// `POST /control-panel/import/{what}` with a `file` field.
pub async fn post(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<String>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let what = path.into_inner();
    if what != "activities" && what != "leads" {
        return Err(AppError::NotFound);
    }
    let file = match read_file(payload).await {
        Ok(file) => file,
        Err(message) => return render(&current, Some(Err(vec![message])), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let account = current.account.clone();
    let kind = what.clone();
    let imported = with_conn(&state.pool, move |conn| {
        Ok(if kind == "activities" {
            import::import_activities(conn, &account, file.as_slice())
        } else {
            import::import_leads(conn, &account, file.as_slice())
        })
    })
    .await?;
    match imported {
        Ok(report) => render(&current, Some(Ok((what, report))), StatusCode::OK),
        Err(ImportError::Refused(lines)) => render(&current, Some(Err(lines)), StatusCode::UNPROCESSABLE_ENTITY),
        Err(ImportError::Database(e)) => Err(e.into()),
    }
}

/// The uploaded `file` field, or why there is none to import.
async fn read_file(mut payload: Multipart) -> Result<Vec<u8>, String> {
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| format!("The upload could not be read: {e}"))?;
        if field.name() != Some("file") {
            continue;
        }
        return match field.bytes(MAX_UPLOAD_BYTES).await {
            Ok(Ok(bytes)) if bytes.is_empty() => Err("Choose a CSV file to import.".to_owned()),
            Ok(Ok(bytes)) => Ok(bytes.to_vec()),
            Ok(Err(e)) => Err(format!("The upload could not be read: {e}")),
            Err(_) => Err("The file is larger than 64 MiB: import it from the command line.".to_owned()),
        };
    }
    Err("Choose a CSV file to import.".to_owned())
}

fn render(
    current: &CurrentUser,
    outcome: Option<Result<(String, ImportReport), Vec<String>>>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let page = ImportPage {
        layout: Layout::signed_in("Import", current, "/control-panel"),
        activity_header: ACTIVITY_HEADER.join(","),
        lead_header: LEAD_HEADER.join(","),
        outcome,
    };
    html(status, &page)
}
