//! Control Panel › API tokens (admins): make a token (its secret shown once), see each
//! token's scopes and last use, revoke one.

use actix_web::HttpResponse;
use actix_web::http::header;
use actix_web::web::{Data, Path};
use askama::Template;

use crate::app::api::tokens::{self, Listed, Made, TokenForm};
use crate::domain::api::Scope;
use crate::domain::form::FieldErrors;
use crate::domain::ids::ApiTokenId;
use crate::web::confirmation::{self, Ask};
use crate::web::current_user::{CurrentUser, RequireAdmin};
use crate::web::error::{form_status, refusal};
use crate::web::html_form::HtmlForm;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, html};
use crate::web::{AppError, AppState};

const HERE: &str = "/control-panel/api-tokens";

/// A token as its line shows it, with its times written the reader's way.
struct Line {
    id: ApiTokenId,
    name: String,
    prefix: String,
    scopes: String,
    made_by: String,
    made_at: String,
    last_used: Option<String>,
    revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "control_panel/api_tokens.html")]
struct TokensPage {
    layout: Layout,
    lines: Vec<Line>,
    scopes: &'static [Scope],
    /// The form as typed, when refused (or just used).
    form: TokenForm,
    errors: FieldErrors,
    /// A token just made: its name and secret, shown this once.
    made: Option<(String, String)>,
}

impl TokensPage {
    fn ticked(&self, scope: &Scope) -> bool {
        self.form.scopes.iter().any(|s| s == scope.as_str())
    }
}

pub async fn get(state: Data<AppState>, RequireAdmin(current): RequireAdmin) -> Result<HttpResponse, AppError> {
    render(&state, &current, TokenForm::default(), FieldErrors::new(), None).await
}

pub async fn create(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    HtmlForm(form): HtmlForm<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let typed = form.clone();
    let done = state.app.run_as(&current.actor, move |cx, actor| tokens::create(cx, actor, &typed)).await;
    match done {
        Ok(Made { token, secret }) => {
            render(&state, &current, TokenForm::default(), FieldErrors::new(), Some((token.name, secret))).await
        }
        Err(error) => render(&state, &current, form, refusal(error)?, None).await,
    }
}

/// `GET …/{id}/revoke`: what revoking does, and the button.
pub async fn confirm_revoke(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<ApiTokenId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let token = state.app.run_as(&current.actor, move |cx, actor| tokens::revocable(cx, actor, id)).await?;
    let sentence = crate::i18n::lookup(current.locale, "cp-api-revoke-question", &[("name", &token.name)]);
    let ask = Ask {
        heading: "cp-api-revoke-title",
        confirm: "cp-api-revoke",
        back: HERE,
        back_label: "cp-api-title",
        menu: "/control-panel",
    };
    confirmation::page(&current, ask, vec![sentence], &format!("{HERE}/{id}/revoke"), Vec::new())
}

pub async fn revoke(
    state: Data<AppState>,
    RequireAdmin(current): RequireAdmin,
    path: Path<ApiTokenId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state.app.run_as(&current.actor, move |cx, actor| tokens::revoke(cx, actor, id)).await?;
    Ok(changed(&current, HERE, "cp-api-revoked"))
}

async fn render(
    state: &Data<AppState>,
    current: &CurrentUser,
    form: TokenForm,
    errors: FieldErrors,
    made: Option<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let listed = state.app.run_as(&current.actor, tokens::list).await?;
    let calendar = current.account().calendar();
    let when =
        |at: chrono::NaiveDateTime| crate::i18n::date_time(current.locale, calendar.local_datetime(at.and_utc()));
    let lines = listed
        .into_iter()
        .map(|Listed { token, made_by }| Line {
            id: token.id,
            scopes: token.scopes,
            made_at: when(token.created_at),
            last_used: token.last_used_at.map(when),
            revoked: token.revoked_at.map(when),
            name: token.name,
            prefix: token.prefix,
            made_by,
        })
        .collect();
    let status = form_status(&errors);
    let layout = Layout::signed_in("cp-api-title", current, "/control-panel");
    let mut response =
        html(current.locale, status, &TokensPage { layout, lines, scopes: Scope::ALL, form, errors, made })?;
    // A secret shown once stays out of every cache.
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(response)
}
