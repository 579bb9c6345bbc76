//! Control Panel > Import (admins): upload activities, leads or holidays as CSV, then read
//! the report. All or nothing, like the command line.

use crate::web::i18n::filters;
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use futures_util::StreamExt;

use crate::app::import::{self, ACTIVITY_HEADER, BadLine, ImportKind, ImportReport, LEAD_HEADER};
use crate::app::settings::holidays::HOLIDAY_HEADER;
use crate::domain::account::Locale;
use crate::domain::message::Message;
use crate::domain::number;
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState};

/// Larger files belong to the command line.
const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

#[derive(Template)]
#[template(path = "control_panel/import.html")]
struct ImportPage {
    layout: Layout,
    /// The CSV headers, machine words shown as code.
    activity_header: String,
    lead_header: String,
    holiday_header: String,
    /// After an upload, in the reader's language: what was imported, or the refused lines.
    outcome: Option<Result<String, Vec<String>>>,
}

pub async fn get(RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    render(&current, None, StatusCode::OK)
}

/// `POST /control-panel/import/{what}` with a `file` field.
pub async fn post(
    req: HttpRequest,
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<ImportKind>,
    mut payload: Multipart,
) -> Result<HttpResponse, AppError> {
    crate::web::csrf::check_multipart(&req, &mut payload).await?;
    let kind = path.into_inner();
    let file = match read_file(payload).await {
        Ok(file) => file,
        Err(message) => {
            let refused = vec![crate::i18n::message(current.locale, &message)];
            return render(&current, Some(Err(refused)), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match state.app.run_as(&current.actor, move |cx, actor| import::import(cx, actor, kind, &file)).await? {
        Ok(report) => render(&current, Some(Ok(imported_text(current.locale, kind, &report))), StatusCode::OK),
        Err(lines) => {
            let lines = lines.iter().map(|bad| bad_line_text(current.locale, bad)).collect();
            render(&current, Some(Err(lines)), StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// The uploaded `file` field, or why there is none to import.
pub(crate) async fn read_file(mut payload: Multipart) -> Result<Vec<u8>, Message> {
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| Message::new("cp-import-upload-unreadable").arg("error", e))?;
        if field.name() != Some("file") {
            continue;
        }
        return match field.bytes(MAX_UPLOAD_BYTES).await {
            Ok(Ok(bytes)) if bytes.is_empty() => Err(Message::new("cp-import-choose-file")),
            Ok(Ok(bytes)) => Ok(bytes.to_vec()),
            Ok(Err(e)) => Err(Message::new("cp-import-upload-unreadable").arg("error", e)),
            Err(_) => Err(Message::new("cp-import-too-large")),
        };
    }
    Err(Message::new("cp-import-choose-file"))
}

/// What a clean import wrote, as one sentence.
fn imported_text(locale: Locale, kind: ImportKind, report: &ImportReport) -> String {
    let count = |n: usize| number::integer(locale, i64::try_from(n).unwrap_or(i64::MAX));
    let (lines, leads, prospects) = (count(report.lines), count(report.leads_created), count(report.prospects_created));
    let created = report.leads_created + report.prospects_created > 0;
    let key = match (kind, created) {
        (ImportKind::Activities, false) => "cp-import-done-activities",
        (ImportKind::Activities, true) => "cp-import-done-activities-created",
        (ImportKind::Leads, false) => "cp-import-done-leads",
        (ImportKind::Leads, true) => "cp-import-done-leads-created",
        (ImportKind::Holidays, _) => "cp-import-done-holidays",
    };
    crate::i18n::lookup(locale, key, &[("lines", &lines), ("leads", &leads), ("prospects", &prospects)])
}

/// `Line 3: the action has no result `Nope``, in the reader's language.
fn bad_line_text(locale: Locale, bad: &BadLine) -> String {
    let reason = crate::i18n::message(locale, &bad.reason);
    crate::i18n::lookup(locale, "import-line", &[("line", &bad.line.to_string()), ("reason", &reason)])
}

fn render(
    current: &CurrentUser,
    outcome: Option<Result<String, Vec<String>>>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let page = ImportPage {
        layout: Layout::signed_in("cp-import-title", current, "/control-panel"),
        activity_header: format!("<code>{}</code>", ACTIVITY_HEADER.join(",")),
        lead_header: format!("<code>{}</code>", LEAD_HEADER.join(",")),
        holiday_header: format!("<code>{}</code>", HOLIDAY_HEADER.join(",")),
        outcome,
    };
    html(current.locale, status, &page)
}
