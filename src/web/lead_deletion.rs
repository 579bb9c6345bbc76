//! `GET /leads/{id}/delete`: before a lead goes, what goes with it (a won lead's revenue,
//! its activities), and a button that deletes it (`POST`, as scripts may post at once).

use actix_web::HttpResponse;
use actix_web::web::{Data, Path};

use super::confirmation::{self, Ask};
use super::current_user::CurrentUser;
use super::{AppError, AppState};
use crate::app::recording::leads::{self, Deletion};
use crate::domain::ids::LeadId;
use crate::domain::money::Amount;
use crate::i18n;

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
    let ask = Ask {
        heading: "recording-lead-delete-title",
        confirm: "recording-lead-delete-confirm",
        back: &format!("/leads/{id}"),
        back_label: "recording-leads",
        menu: "/leads",
    };
    confirmation::page(&current, ask, consequences, &format!("/leads/{id}/delete"), Vec::new())
}
