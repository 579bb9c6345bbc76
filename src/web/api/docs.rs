//! The OpenAPI 3.1 document, generated from the handlers' annotations, and the docs page
//! that draws it with Swagger UI (served by us, pinned in package.json).

use std::sync::LazyLock;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{activities, catalogue, leads, models, objective_changes, objectives, problem, prospects, results};
use crate::web::AppError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sales Objectives API",
        version = "1",
        description = "Feed activities into Sales Objectives and read objectives and their results. \
            Every request carries an API token made in Control Panel › API tokens: \
            `Authorization: Bearer so_…`. Refusals are RFC 9457 problem details with a stable `code`."
    ),
    paths(
        catalogue::users, catalogue::user_one, catalogue::teams, catalogue::pipelines, catalogue::actions,
        activities::list, activities::create, activities::batch, activities::show, activities::delete,
        leads::list, leads::create, leads::show, leads::update, leads::win, leads::reopen, leads::delete,
        prospects::list, prospects::create, prospects::show, prospects::update, prospects::delete, prospects::convert,
        objectives::list, objectives::show, objective_changes::create, objective_changes::update,
        objective_changes::archive, objective_changes::restore, objective_changes::assign, objective_changes::unassign,
        objective_changes::holder_targets, objective_changes::assign_team, objective_changes::team_targets,
        objective_changes::unassign_team, results::show, results::records,
    ),
    components(schemas(models::ObjectiveState, models::PeriodName, models::GroupBy, problem::Problem, problem::FieldProblem)),
    modifiers(&BearerToken),
    tags(
        (name = "Activities", description = "What people did, counted by activity objectives"),
        (name = "Leads", description = "Deals in a pipeline: won ones count in sales objectives"),
        (name = "Prospects", description = "Contacts not yet qualified, in prospecting lists"),
        (name = "Objectives", description = "What is counted, the targets, and who holds them"),
        (name = "Results", description = "Figures, pace and standing per period"),
        (name = "Users"), (name = "Sales process"),
    )
)]
struct ApiDoc;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("so_ + 48 hex digits").build();
        components.add_security_scheme("token", SecurityScheme::Http(scheme));
    }
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| ApiDoc::openapi().to_json().unwrap_or_default());

/// The OpenAPI document.
pub fn document() -> &'static str {
    &DOCUMENT
}

pub async fn openapi() -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(document())
}

#[derive(Template)]
#[template(path = "api/docs.html")]
struct DocsPage {
    script: &'static str,
    swagger_js: &'static str,
    swagger_css: &'static str,
}

pub async fn page() -> Result<HttpResponse, AppError> {
    // Done once per process; a later call finds them made.
    tokio::task::spawn_blocking(crate::web::assets::warm_api_docs);
    let [script, swagger_js, swagger_css] = crate::web::assets::api_docs_urls();
    let body = DocsPage { script, swagger_js, swagger_css }.render()?;
    Ok(HttpResponse::build(StatusCode::OK).content_type("text/html; charset=utf-8").body(body))
}
