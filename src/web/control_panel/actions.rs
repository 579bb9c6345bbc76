//! Control Panel > Sales Process > Actions: the account's actions and their results.

use crate::web::html_form::NameForm;
use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Path};
use askama::Template;

use crate::app::sales_process::actions::{self, ActionOp, ActionWithOutcomes, OutcomeOp};
use crate::app::{self, Cx};
use crate::domain::ids::{ActionId, OutcomeId};
use crate::web::current_user::{CurrentUser, RequireManager};
use crate::web::error::Refused;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

const HERE: &str = "/control-panel/actions";

#[derive(Template)]
#[template(path = "control_panel/actions.html")]
struct ActionsPage {
    layout: Layout,
    actions: Vec<ActionWithOutcomes>,
    /// Why the last change was refused, in the reader's language.
    error: Option<Refused>,
}

pub async fn get(state: Data<AppState>, RequireManager(current): RequireManager) -> Result<HttpResponse, AppError> {
    render(&state, &current, None).await
}

pub async fn add_action(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let name = form.into_inner().name;
    apply(&state, &current, move |cx, actor| actions::add(cx, actor, &name)).await
}

/// `POST /control-panel/actions/{id}/{op}`.
pub async fn change_action(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    path: Path<(ActionId, ActionOp)>,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let ((id, op), name) = (path.into_inner(), form.into_inner().name);
    apply(&state, &current, move |cx, actor| actions::change(cx, actor, id, op, &name)).await
}

/// `POST /control-panel/results/{id}/{op}`.
pub async fn change_outcome(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    path: Path<(OutcomeId, OutcomeOp)>,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let ((id, op), name) = (path.into_inner(), form.into_inner().name);
    apply(&state, &current, move |cx, actor| actions::change_outcome(cx, actor, id, op, &name)).await
}

/// Runs a change to the list, then shows the list again (with its refusal, if any).
async fn apply(
    state: &Data<AppState>,
    current: &CurrentUser,
    change: impl FnOnce(&mut Cx, &app::Actor) -> Result<(), app::Error> + Send + 'static,
) -> Result<HttpResponse, AppError> {
    match state.app.run_as(&current.actor, change).await {
        Ok(()) => Ok(changed(current, HERE, "cp-actions-saved")),
        Err(error) => render(state, current, Some(Refused::of(current.locale, error)?)).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    error: Option<Refused>,
) -> Result<HttpResponse, AppError> {
    let actions = state.app.run_as(&current.actor, actions::list).await?;
    let status = Refused::status(error.as_ref());
    let layout = Layout::signed_in("cp-actions-title", current, "/control-panel");
    html(current.locale, status, &ActionsPage { layout, actions, error })
}
