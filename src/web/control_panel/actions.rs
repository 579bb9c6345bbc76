//! Control Panel > Sales Process > Actions: the account's actions and their results.

use crate::web::i18n::filters;
use actix_web::HttpResponse;
use actix_web::web::{Data, Form, Path};
use askama::Template;
use serde::Deserialize;

use crate::domain::ids::{ActionId, OutcomeId};
use crate::recording::{self, ActionChange};
use crate::store::actions::{self, ActionWithOutcomes};
use crate::web::current_user::{CurrentUser, RequireManager};
use crate::web::error::Refused;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState, with_conn};

const HERE: &str = "/control-panel/actions";

#[derive(Template)]
#[template(path = "control_panel/actions.html")]
struct ActionsPage {
    layout: Layout,
    actions: Vec<ActionWithOutcomes>,
    /// Why the last change was refused, in the reader's language.
    error: Option<Refused>,
}

#[derive(Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
}

pub async fn get(state: Data<AppState>, RequireManager(current): RequireManager) -> Result<HttpResponse, AppError> {
    render(&state, &current, None).await
}

pub async fn add_action(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    apply(&state, &current, ActionChange::AddAction { name: form.into_inner().name }).await
}

/// `POST /control-panel/actions/{id}/{op}`.
pub async fn change_action(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    path: Path<(i64, String)>,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let (id, op) = path.into_inner();
    let id = ActionId(id);
    let name = form.into_inner().name;
    let change = match op.as_str() {
        "rename" => ActionChange::RenameAction { id, name },
        "move-up" => ActionChange::MoveAction { id, step: -1 },
        "move-down" => ActionChange::MoveAction { id, step: 1 },
        "disable" => ActionChange::SetActionActive { id, active: false },
        "enable" => ActionChange::SetActionActive { id, active: true },
        "delete" => ActionChange::DeleteAction { id },
        "add-result" => ActionChange::AddOutcome { action: id, name },
        _ => return Err(AppError::NotFound),
    };
    apply(&state, &current, change).await
}

/// `POST /control-panel/results/{id}/{op}`.
pub async fn change_outcome(
    state: Data<AppState>,
    RequireManager(current): RequireManager,
    path: Path<(i64, String)>,
    form: Form<NameForm>,
) -> Result<HttpResponse, AppError> {
    let (id, op) = path.into_inner();
    let id = OutcomeId(id);
    let change = match op.as_str() {
        "rename" => ActionChange::RenameOutcome { id, name: form.into_inner().name },
        "move-up" => ActionChange::MoveOutcome { id, step: -1 },
        "move-down" => ActionChange::MoveOutcome { id, step: 1 },
        "disable" => ActionChange::SetOutcomeActive { id, active: false },
        "enable" => ActionChange::SetOutcomeActive { id, active: true },
        "delete" => ActionChange::DeleteOutcome { id },
        _ => return Err(AppError::NotFound),
    };
    apply(&state, &current, change).await
}

async fn apply(state: &Data<AppState>, current: &CurrentUser, change: ActionChange) -> Result<HttpResponse, AppError> {
    let account = current.account.clone();
    let done = with_conn(&state.pool, move |conn| Ok(recording::change_actions(conn, &account, &change))).await?;
    match done {
        Ok(()) => Ok(changed(current, HERE, "cp-actions-saved")),
        Err(error) => render(state, current, Some(Refused::of(current.locale, error)?)).await,
    }
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    error: Option<Refused>,
) -> Result<HttpResponse, AppError> {
    let account = current.account.id;
    let actions = with_conn(&state.pool, move |conn| Ok(actions::list(conn, account)?)).await?;
    let status = Refused::status(error.as_ref());
    let layout = Layout::signed_in("cp-actions-title", current, "/control-panel");
    html(current.locale, status, &ActionsPage { layout, actions, error })
}
