//! Edition & licences: the account's edition, what it includes, its licences and how many
//! are in use; admins change edition and licence count.

use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Query};
use askama::Template;
use serde::Deserialize;

use crate::app::admin::licences::{self, Review};
use crate::domain::edition::Edition;
use crate::domain::form::FieldErrors;
use crate::web::confirmation::{self, Ask};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::{form_status, refusal};
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

#[derive(Template)]
#[template(path = "admin/licences.html")]
struct LicencesPage {
    layout: Layout,
    edition: Edition,
    editions: &'static [Edition],
    licences: String,
    chosen_edition: String,
    in_use: i64,
    total: i32,
    errors: FieldErrors,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LicencesForm {
    edition: String,
    licences: String,
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    let form = LicencesForm {
        edition: current.account().edition.as_str().to_owned(),
        licences: current.account().licences.to_string(),
    };
    render(&state, &current, form, FieldErrors::new()).await
}

pub async fn post(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    form: Form<LicencesForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let (edition, count) = (form.edition.clone(), form.licences.clone());
    match state.app.run_as(&current.actor, move |cx, actor| licences::change(cx, actor, &edition, &count)).await {
        Ok(()) => Ok(changed(&current, "/admin/licences", "admin-licences-saved")),
        Err(error) => render(&state, &current, form, refusal(error)?).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    form: LicencesForm,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let (in_use, total) = state.app.run_as(&current.actor, licences::in_use).await?;
    let status = form_status(&errors);
    let page = LicencesPage {
        layout: Layout::signed_in("admin-licences-title", current, "/admin/licences"),
        edition: current.account().edition,
        editions: Edition::ALL,
        licences: form.licences,
        chosen_edition: form.edition,
        in_use,
        total,
        errors,
    };
    html(current.locale, status, &page)
}

/// `GET /admin/licences/review?edition=…&licences=…`: what the change would do, and the
/// button that makes it; a change refused is shown on the form, as a save would show it.
pub async fn review(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    query: Query<LicencesForm>,
) -> Result<HttpResponse, AppError> {
    let form = query.into_inner();
    let (edition, count) = (form.edition.clone(), form.licences.clone());
    let review = state.app.run_as(&current.actor, move |cx, actor| licences::review(cx, actor, &edition, &count)).await;
    let Review { edition: (before, after), licences: (had, has), objectives } = match review {
        Ok(review) => review,
        Err(error) => return render(&state, &current, form, refusal(error)?).await,
    };
    let locale = current.locale;
    let mut sentences = Vec::new();
    if before != after {
        let args = [("before", before.label()), ("after", after.label())];
        sentences.push(crate::i18n::lookup(locale, "admin-licences-review-edition", &args));
        if before.has_sales_objectives() && !after.has_sales_objectives() {
            let count = objectives.to_string();
            sentences.push(crate::i18n::lookup(
                locale,
                "admin-licences-review-objectives-hidden",
                &[("count", &count)],
            ));
        }
        if !before.has_sales_objectives() && after.has_sales_objectives() {
            sentences.push(crate::i18n::lookup(locale, "admin-licences-review-objectives-shown", &[]));
        }
    }
    if had != has {
        let (had, has) = (had.to_string(), has.to_string());
        sentences.push(crate::i18n::lookup(
            locale,
            "admin-licences-review-licences",
            &[("before", &had), ("after", &has)],
        ));
    }
    if sentences.is_empty() {
        sentences.push(crate::i18n::lookup(locale, "admin-licences-review-nothing", &[]));
    }
    let ask = Ask {
        heading: "admin-licences-review-title",
        confirm: "admin-licences-review-confirm",
        back: "/admin/licences",
        back_label: "admin-licences-title",
        menu: "/admin/licences",
    };
    let fields = vec![("edition", after.as_str().to_owned()), ("licences", has.to_string())];
    confirmation::page(&current, ask, sentences, "/admin/licences", fields)
}
