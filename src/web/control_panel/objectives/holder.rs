//! `…/sales-objectives/{id}/assignments/{user_id}`: one holder's own targets, and their
//! history.

use actix_web::HttpResponse;
use actix_web::web::{Data, Path};
use askama::Template;

use super::HERE;
use crate::app::objectives::holder_targets::{self, HolderPeriod, HolderTargets};
use crate::app::objectives::period_targets::PeriodTargetsForm;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::message::Message;
use crate::web::current_user::{CurrentUser, ObjectivesEditor};
use crate::web::error::{form_status, refusal};
use crate::web::html_form::HtmlForm;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

/// One period kind's field, with what it replaces.
pub struct TargetField {
    pub field: &'static str,
    pub label: String,
    /// As typed, or the own target in force now (empty: the objective's).
    pub value: String,
    /// "The objective's: €100,000.00".
    pub objective_target: String,
}

/// One entry of the holder's history, for reading.
pub struct HistoryLine {
    pub period: String,
    pub from: String,
    pub target: String,
    pub set_on: String,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/holder.html")]
struct HolderPage {
    layout: Layout,
    objective_id: ObjectiveId,
    objective: String,
    user_id: UserId,
    holder: String,
    fields: Vec<TargetField>,
    history: Vec<HistoryLine>,
    errors: FieldErrors,
}

pub async fn show(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (id, user) = path.into_inner();
    render(&state, &current, (id, user), None, FieldErrors::new()).await
}

pub async fn save(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<(ObjectiveId, UserId)>,
    HtmlForm(mut form): HtmlForm<PeriodTargetsForm>,
) -> Result<HttpResponse, AppError> {
    let (id, user) = path.into_inner();
    form.locale = current.locale;
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| holder_targets::set(cx, actor, id, user, &typed)).await {
        Ok(count) => Ok(changed(
            &current,
            &format!("{HERE}/{id}#assignments"),
            Message::new("cp-holder-targets-saved").arg("count", count),
        )),
        Err(error) => render(&state, &current, (id, user), Some(form), refusal(error)?).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    (id, user): (ObjectiveId, UserId),
    typed: Option<PeriodTargetsForm>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let HolderTargets { objective, holder, periods } =
        state.app.run_as(&current.actor, move |cx, actor| holder_targets::page(cx, actor, id, user)).await?;
    let (locale, money) = (current.locale, current.money());
    let measure = objective.measure();
    let calendar = current.account().calendar();
    let word = |key: &str| crate::i18n::lookup(locale, key, &[]);
    let fields = periods
        .iter()
        .map(|HolderPeriod { kind, from, objective_target, own, .. }| {
            let from = crate::i18n::date(locale, *from);
            let stored = own.map(|v| measure.to_form(locale, v)).unwrap_or_default();
            let objectives = objective_target.map(|v| measure.display(v, &money)).unwrap_or_default();
            TargetField {
                field: PeriodTargetsForm::field(*kind),
                label: crate::i18n::lookup(
                    locale,
                    "cp-holder-target-label",
                    &[("period", kind.as_str()), ("date", &from)],
                ),
                value: typed.as_ref().and_then(|t| t.typed(*kind)).map_or(stored, str::to_owned),
                objective_target: crate::i18n::lookup(
                    locale,
                    "cp-holder-objectives-target",
                    &[("target", &objectives)],
                ),
            }
        })
        .collect();
    let history = periods
        .iter()
        .flat_map(|p| p.history.iter())
        .map(|entry| HistoryLine {
            period: word(entry.period.label_key()),
            from: crate::i18n::date(locale, entry.effective_from),
            target: entry.value.map_or_else(|| word("cp-holder-follows-objective"), |v| measure.display(v, &money)),
            set_on: crate::i18n::date(locale, calendar.local_date(entry.set_at.and_utc())),
        })
        .collect();
    let title = Message::new("cp-holder-targets-title").arg("name", &holder.name);
    let page = HolderPage {
        layout: Layout::signed_in(title, current, "/control-panel"),
        objective_id: id,
        objective: objective.name,
        user_id: user,
        holder: holder.name,
        fields,
        history,
        errors,
    };
    html(current.locale, form_status(&page.errors), &page)
}
