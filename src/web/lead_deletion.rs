//! `GET /leads/{id}/delete`: before a lead goes, what goes with it (a won lead's revenue,
//! its activities), and a button that deletes it (`POST`, as scripts may post at once).

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path};
use askama::Template;

use super::current_user::CurrentUser;
use super::layout::Layout;
use super::respond::html;
use super::{AppError, AppState};
use crate::app::recording::leads::{self, Deletion};
use crate::domain::ids::LeadId;
use crate::domain::money::Amount;
use crate::i18n;
use crate::web::i18n::filters;

#[derive(Template)]
#[template(path = "leads/delete.html")]
struct ConfirmPage {
    layout: Layout,
    id: LeadId,
    /// What deleting it does, sentence by sentence, in the reader's language.
    consequences: Vec<String>,
}

pub async fn confirm(
    state: Data<AppState>,
    current: CurrentUser,
    path: Path<LeadId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let Deletion { title, won, activities } =
        state.app.run_as(&current.actor, move |cx, actor| leads::deletion(cx, actor, id)).await?;
    let locale = current.locale;
    let mut consequences = vec![i18n::lookup(locale, "recording-lead-delete-question", &[("title", &title)])];
    if let Some((cents, name, day)) = won {
        let amount = Amount::from_cents(cents).display(&current.money());
        let date = i18n::date(locale, day);
        let args = [("amount", amount.as_str()), ("name", name.as_str()), ("date", date.as_str())];
        consequences.push(i18n::lookup(locale, "recording-lead-delete-won", &args));
    }
    if activities > 0 {
        let count = activities.to_string();
        consequences.push(i18n::lookup(locale, "recording-lead-delete-activities", &[("count", &count)]));
    }
    let layout = Layout::signed_in("recording-lead-delete-title", &current, "/leads");
    html(locale, StatusCode::OK, &ConfirmPage { layout, id, consequences })
}
