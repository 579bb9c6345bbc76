//! `…/sales-objectives/{id}/targets`: the planning grid. Each cell saves by itself when
//! changed (htmx, answering with the cell and the totals it moves); without script the
//! whole grid is one form. Fill a row from a yearly figure, keep a seasonality profile,
//! export and import the grid as CSV.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::HERE;
use crate::app::objectives::target_plan::{self, CellChange, CellError, FillForm, Plan, PlanBadLine};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::message::Message;
use crate::domain::period::PeriodKind;
use crate::web::current_user::{CurrentUser, ObjectivesEditor};
use crate::web::error::{form_status, is_htmx, refusal};
use crate::web::html_form::{HtmlForm, HtmlQuery};
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{changed, csv_file, html, html_body};
use crate::web::{AppError, AppState};

/// Which grid: a period kind of the objective and a day of the fiscal year.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PlanQuery {
    period: String,
    year: String,
}

impl PlanQuery {
    /// The grid these filters show, to come back to after a change.
    fn url(&self, id: ObjectiveId) -> String {
        let query = serde_html_form::to_string([("period", &self.period), ("year", &self.year)]).unwrap_or_default();
        format!("{HERE}/{id}/targets?{query}")
    }

    fn date(&self) -> Result<Option<NaiveDate>, AppError> {
        crate::domain::range::parse_date(&self.year).map_err(|crate::domain::Invalid(m)| AppError::BadRequest(m))
    }
}

/// One cell, ready to print.
pub struct CellView {
    pub id: String,
    /// The input's name: `c_{user}_{period start}`.
    pub name: String,
    /// Their own target, as typed or stored; empty where they follow the objective's.
    pub value: String,
    /// The objective's target, shown where they follow it.
    pub placeholder: String,
    /// A closed cell's target, for reading.
    pub shown: String,
    pub own: bool,
    pub open: bool,
    pub label: String,
    pub error: Option<String>,
}

pub struct RowView {
    pub user_id: UserId,
    pub name: String,
    pub cells: Vec<CellView>,
    pub total: String,
}

pub struct ColumnView {
    pub label: String,
    pub objective_target: String,
    pub total: String,
    pub open: bool,
}

/// The grid as printed, also for the cells htmx swaps.
pub struct GridView {
    /// Where cells are saved.
    pub save_url: String,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
    pub objective_total: String,
    pub grand_total: String,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/plan.html")]
struct PlanPage {
    layout: Layout,
    id: ObjectiveId,
    objective: String,
    kind: Option<PeriodKind>,
    kinds: Vec<PeriodKind>,
    year_label: String,
    year: NaiveDate,
    previous_year: NaiveDate,
    next_year: NaiveDate,
    grid: GridView,
    errors: FieldErrors,
    fill: FillForm,
    months: Vec<(String, String)>,
    import_report: Vec<String>,
    /// Refused cells the grid has no place for (a day that begins no period of it).
    stray_errors: Vec<String>,
}

impl PlanPage {
    fn is_kind(&self, kind: &PeriodKind) -> bool {
        self.kind == Some(*kind)
    }

    fn url(&self, kind: &str, year: &NaiveDate) -> String {
        format!("{HERE}/{}/targets?period={kind}&year={year}", self.id)
    }

    fn kind_str(&self) -> &str {
        self.kind.map_or("", PeriodKind::as_str)
    }

    /// (value, label) of each way to spread a yearly figure.
    fn spreads(&self) -> [(&'static str, &'static str); 3] {
        [
            ("evenly", "plan-spread-evenly"),
            ("working_days", "plan-spread-working-days"),
            ("seasonality", "plan-spread-seasonality"),
        ]
    }
}

/// The cells and totals a saved cell moves, swapped in place by htmx.
#[derive(Template)]
#[template(path = "control_panel/objectives/_plan_cells.html")]
struct Moved<'a> {
    grid: &'a GridView,
    row: &'a RowView,
    cell: &'a CellView,
    column: usize,
    column_total: &'a str,
}

pub async fn show(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlQuery(query): HtmlQuery<PlanQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let plan = load(&state, &current, id, &query).await?;
    render(&current, plan, Outcome::default(), StatusCode::OK)
}

async fn load(
    state: &Data<AppState>,
    current: &CurrentUser,
    id: ObjectiveId,
    query: &PlanQuery,
) -> Result<Plan, AppError> {
    let (kind, date) = (query.period.clone(), query.date()?);
    Ok(state.app.run_as(&current.actor, move |cx, actor| target_plan::plan(cx, actor, id, &kind, date)).await?)
}

/// What a post left to show: cells as typed and their errors, a form's errors, an import's
/// refused lines.
#[derive(Default)]
struct Outcome {
    typed: Vec<CellChange>,
    cell_errors: Vec<CellError>,
    errors: FieldErrors,
    fill: FillForm,
    import_report: Vec<String>,
    /// The seasonality weights as typed, where they were refused.
    weights: Vec<String>,
}

/// `POST …/targets`: cells `c_{user}_{start}` as typed (one, from htmx, or the whole grid).
pub async fn save(
    req: HttpRequest,
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlForm(fields): HtmlForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let query = PlanQuery { period: field("period"), year: field("year") };
    let changes: Vec<CellChange> = fields.iter().filter_map(|(name, typed)| cell_of(name, typed)).collect();
    let (kind, locale, typed) = (query.period.clone(), current.locale, changes.clone());
    let saved = state
        .app
        .run_as(&current.actor, move |cx, actor| target_plan::save(cx, actor, id, &kind, &typed, locale))
        .await;
    let outcome = match saved {
        Ok(Ok(count)) if !is_htmx(&req) => {
            let back = query.url(id);
            return Ok(changed(&current, &back, Message::new("plan-saved").arg("count", count)));
        }
        Ok(Ok(_)) => Outcome::default(),
        Ok(Err(cell_errors)) => Outcome { typed: changes.clone(), cell_errors, ..Outcome::default() },
        Err(error) => Outcome { typed: changes.clone(), errors: refusal(error)?, ..Outcome::default() },
    };
    let status =
        if outcome.cell_errors.is_empty() { form_status(&outcome.errors) } else { StatusCode::UNPROCESSABLE_ENTITY };
    let plan = load(&state, &current, id, &query).await?;
    // htmx asked for one cell: it gets that cell and the totals it moves.
    if let (true, [change]) = (is_htmx(&req), changes.as_slice()) {
        let grid = grid_view(&current, &plan, &outcome);
        let row = plan.rows.iter().position(|r| r.holder.user_id == change.user).ok_or(AppError::NotFound)?;
        let column = plan.columns.iter().position(|c| c.period.start() == change.start);
        let found = column.and_then(|c| Some((c, grid.rows.get(row)?, grid.columns.get(c)?)));
        if let Some((column, row, total)) = found {
            if let Some(cell) = row.cells.get(column) {
                let moved = Moved { grid: &grid, row, cell, column, column_total: &total.total };
                return Ok(html_body(current.locale, status, moved.render_with_values(&current.locale)?));
            }
        }
    }
    render(&current, plan, outcome, status)
}

/// `c_12_2026-04-01` → Rita's April cell.
fn cell_of(name: &str, typed: &str) -> Option<CellChange> {
    let (user, start) = name.strip_prefix("c_")?.split_once('_')?;
    let user = UserId(user.parse().ok()?);
    let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").ok()?;
    Some(CellChange { user, start, typed: typed.to_owned() })
}

/// `POST …/targets/fill`: a yearly figure spread over a row or every row.
pub async fn fill(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlForm(mut form): HtmlForm<FillForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    form.locale = current.locale;
    let query = PlanQuery { period: form.period.clone(), year: form.year.clone() };
    let typed = form.clone();
    match state.app.run_as(&current.actor, move |cx, actor| target_plan::fill(cx, actor, id, &typed)).await {
        Ok(count) => {
            let back = query.url(id);
            Ok(changed(&current, &back, Message::new("plan-saved").arg("count", count)))
        }
        Err(error) => {
            let errors = refusal(error)?;
            let plan = load(&state, &current, id, &query).await?;
            render(
                &current,
                plan,
                Outcome { errors: errors.clone(), fill: form, ..Outcome::default() },
                form_status(&errors),
            )
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SeasonalityForm {
    period: String,
    year: String,
    weights: Vec<String>,
}

/// `POST …/targets/seasonality`: the account's twelve monthly weights.
pub async fn seasonality(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlForm(form): HtmlForm<SeasonalityForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (weights, locale) = (form.weights.clone(), current.locale);
    let query = PlanQuery { period: form.period.clone(), year: form.year.clone() };
    match state
        .app
        .run_as(&current.actor, move |cx, actor| target_plan::set_seasonality(cx, actor, &weights, locale))
        .await
    {
        Ok(()) => {
            let back = query.url(id);
            Ok(changed(&current, &back, "plan-seasonality-saved"))
        }
        Err(error) => {
            let errors = refusal(error)?;
            let plan = load(&state, &current, id, &query).await?;
            let status = form_status(&errors);
            render(&current, plan, Outcome { errors, weights: form.weights, ..Outcome::default() }, status)
        }
    }
}

/// `GET …/targets.csv`: the grid, a line per holder, a column per period start.
pub async fn export(
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlQuery(query): HtmlQuery<PlanQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (kind, date) = (query.period.clone(), query.date()?);
    let (plan, emails) = state
        .app
        .run_as(&current.actor, move |cx, actor| {
            let plan = target_plan::plan(cx, actor, id, &kind, date)?;
            let emails = target_plan::emails(cx, actor, &plan)?;
            Ok((plan, emails))
        })
        .await?;
    let measure = plan.objective.measure();
    let fail = |e: csv::Error| AppError::Internal(e.into());
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = target_plan::PLAN_HEADER.iter().map(|h| (*h).to_owned()).collect();
    header.extend(plan.columns.iter().map(|c| c.period.start().to_string()));
    writer.write_record(&header).map_err(fail)?;
    for row in &plan.rows {
        let email = emails.iter().find(|(u, _)| *u == row.holder.user_id).map_or("", |(_, e)| e.as_str());
        let text = crate::domain::spreadsheet::text_cell;
        let mut line = vec![text(email).into_owned(), text(&row.holder.name).into_owned()];
        line.extend(
            row.cells.iter().map(|c| c.target.filter(|_| c.own).map(|v| measure.to_input(v)).unwrap_or_default()),
        );
        writer.write_record(&line).map_err(fail)?;
    }
    let kind = plan.kind.map_or("none", PeriodKind::as_str);
    csv_file(&format!("targets-{id}-{kind}-{}.csv", plan.year.start()), writer)
}

/// `POST …/targets/import?period=…&year=…` with a `file` field: all or nothing.
pub async fn import(
    req: HttpRequest,
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    path: Path<ObjectiveId>,
    HtmlQuery(query): HtmlQuery<PlanQuery>,
    mut payload: Multipart,
) -> Result<HttpResponse, AppError> {
    crate::web::csrf::check_multipart(&req, &mut payload).await?;
    let id = path.into_inner();
    let file = match crate::web::control_panel::import::read_file(payload).await {
        Ok(file) => file,
        Err(message) => {
            let plan = load(&state, &current, id, &query).await?;
            let report = vec![crate::i18n::message(current.locale, &message)];
            let outcome = Outcome { import_report: report, ..Outcome::default() };
            return render(&current, plan, outcome, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let kind = query.period.clone();
    let imported =
        state.app.run_as(&current.actor, move |cx, actor| target_plan::import(cx, actor, id, &kind, &file)).await?;
    match imported {
        Ok(count) => {
            let back = query.url(id);
            Ok(changed(&current, &back, Message::new("plan-imported").arg("count", count)))
        }
        Err(lines) => {
            let plan = load(&state, &current, id, &query).await?;
            let report = lines.iter().map(|bad| bad_line_text(current.locale, bad)).collect();
            render(
                &current,
                plan,
                Outcome { import_report: report, ..Outcome::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

/// `Line 3, column 2026-05-01: the target must be more than zero.`
fn bad_line_text(locale: Locale, bad: &PlanBadLine) -> String {
    let reason = crate::i18n::message(locale, &bad.reason);
    let line = bad.line.to_string();
    match bad.column {
        Some(column) => {
            let column = column.to_string();
            crate::i18n::lookup(
                locale,
                "plan-import-cell",
                &[("line", &line), ("column", &column), ("reason", &reason)],
            )
        }
        None => crate::i18n::lookup(locale, "import-line", &[("line", &line), ("reason", &reason)]),
    }
}

fn render(current: &CurrentUser, plan: Plan, outcome: Outcome, status: StatusCode) -> Result<HttpResponse, AppError> {
    let locale = current.locale;
    let grid = grid_view(current, &plan, &outcome);
    let mut weights = outcome.weights;
    weights.resize(12, String::new());
    if outcome.errors.get("weights").is_none() {
        weights = plan.profile.to_form(locale);
    }
    let months = (1..=12).map(|month| crate::i18n::month_name(locale, month)).zip(weights).collect();
    let calendar = current.account().calendar();
    let year = plan.year.start();
    let placed = |e: &CellError| {
        plan.rows.iter().any(|r| r.holder.user_id == e.user) && plan.columns.iter().any(|c| c.period.start() == e.start)
    };
    let stray_errors =
        outcome.cell_errors.iter().filter(|e| !placed(e)).map(|e| crate::i18n::message(locale, &e.message)).collect();
    let page = PlanPage {
        layout: Layout::signed_in(
            Message::new("plan-title").arg("name", &plan.objective.name),
            current,
            "/control-panel",
        ),
        id: plan.objective.id,
        objective: plan.objective.name.clone(),
        kind: plan.kind,
        kinds: plan.kinds.clone(),
        year_label: crate::i18n::period(locale, &plan.year),
        year,
        previous_year: plan.year.previous(&calendar).start(),
        next_year: plan.year.next(&calendar).start(),
        grid,
        errors: outcome.errors,
        fill: outcome.fill,
        months,
        import_report: outcome.import_report,
        stray_errors,
    };
    html(locale, status, &page)
}

/// The grid as printed: stored values, or what was typed where a post was refused.
fn grid_view(current: &CurrentUser, plan: &Plan, outcome: &Outcome) -> GridView {
    let (locale, money) = (current.locale, current.money());
    let measure = plan.objective.measure();
    let show = |v: i64| measure.display(v, &money);
    let columns: Vec<ColumnView> = plan
        .columns
        .iter()
        .zip(plan.column_totals())
        .map(|(c, total)| ColumnView {
            label: crate::i18n::period(locale, &c.period),
            objective_target: c.objective_target.map(show).unwrap_or_default(),
            total: show(total),
            open: c.open,
        })
        .collect();
    let rows = plan
        .rows
        .iter()
        .map(|row| {
            let user = row.holder.user_id;
            let cells = row
                .cells
                .iter()
                .zip(&plan.columns)
                .zip(&columns)
                .enumerate()
                .map(|(i, ((cell, column), view))| {
                    let start = column.period.start();
                    let typed = outcome.typed.iter().find(|t| t.user == user && t.start == start);
                    let error = outcome.cell_errors.iter().find(|e| e.user == user && e.start == start);
                    let stored =
                        cell.target.filter(|_| cell.own).map(|v| measure.to_form(locale, v)).unwrap_or_default();
                    CellView {
                        id: format!("cell-{user}-{i}"),
                        name: format!("c_{user}_{start}"),
                        value: typed.map_or(stored, |t| t.typed.clone()),
                        placeholder: column.objective_target.map(|v| measure.to_form(locale, v)).unwrap_or_default(),
                        shown: cell.target.map(show).unwrap_or_default(),
                        own: cell.own,
                        open: column.open,
                        label: format!("{}, {}", row.holder.name, view.label),
                        error: error.map(|e| crate::i18n::message(locale, &e.message)),
                    }
                })
                .collect();
            RowView { user_id: user, name: row.holder.name.clone(), cells, total: show(row.total()) }
        })
        .collect::<Vec<_>>();
    let objective_total = plan.columns.iter().filter_map(|c| c.objective_target).sum();
    let grand_total = plan.rows.iter().map(|r| r.total()).sum();
    let save_url = format!("{HERE}/{}/targets", plan.objective.id);
    GridView { save_url, columns, rows, objective_total: show(objective_total), grand_total: show(grand_total) }
}
