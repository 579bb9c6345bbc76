//! `/statistics/sales-objectives` and its CSV export.

use actix_web::http::{StatusCode, header};
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::{Filters, Scope, resolve};
use crate::domain::money::MoneyStyle;
use crate::domain::objective::{Measure, ObjectiveKind};
use crate::domain::period::PeriodKind;
use crate::domain::progress::{Progress, Standing, percent_one_decimal};
use crate::statistics::{self, Measured};
use crate::store::accounts::AccountRow;
use crate::store::objectives;
use crate::web::current_user::{CurrentUser, ObjectivesEditor, SalesObjectivesReader};
use crate::web::error::wants_fragment;
use crate::web::html_form::HtmlQuery;
use crate::web::layout::Layout;
use crate::web::respond::page_or_fragment;
use crate::web::{AppError, AppState, with_conn};

pub const HERE: &str = "/statistics/sales-objectives";

/// One line of a table: a person's progress, ready to print.
pub struct Line {
    pub name: String,
    pub user_id: Option<crate::store::ids::UserId>,
    pub active: bool,
    pub achieved: String,
    pub target: String,
    pub percent: String,
    /// 0 to 100, for the bar.
    pub bar: String,
    pub standing: Standing,
    pub expected: String,
    pub gap: String,
    pub needed: String,
}

impl Line {
    pub fn new(name: String, progress: &Progress, measure: Measure, currency: &MoneyStyle) -> Self {
        Self {
            name,
            user_id: None,
            active: true,
            achieved: measure.display(progress.achieved, currency),
            target: measure.display(progress.target, currency),
            percent: format!("{}%", percent_one_decimal(progress.percent)),
            bar: format!("{:.1}", progress.percent.clamp(0.0, 100.0)),
            standing: progress.standing,
            expected: show(measure, progress.expected, currency),
            gap: signed(measure, progress.gap, currency),
            needed: progress.needed_per_day.map_or_else(|| "—".to_owned(), |n| show(measure, n, currency)),
        }
    }
}

/// A figure that may have decimals: money to the cent, counts to one decimal.
pub fn show(measure: Measure, value: f64, currency: &MoneyStyle) -> String {
    match measure {
        Measure::Money => measure.display(value.round() as i64, currency),
        Measure::Count if (value - value.round()).abs() < 0.05 => format!("{}", value.round() as i64),
        Measure::Count => format!("{value:.1}"),
    }
}

fn signed(measure: Measure, value: f64, currency: &MoneyStyle) -> String {
    let sign = if value >= 0.0 { "+" } else { "−" };
    format!("{sign}{}", show(measure, value.abs(), currency))
}

/// One objective's table.
pub struct Section {
    pub id: crate::store::ids::ObjectiveId,
    pub name: String,
    pub lines: Vec<Line>,
    pub total: Option<Line>,
}

#[derive(Template)]
#[template(path = "statistics/_dashboard.html")]
pub struct Region {
    pub scope: Scope,
    pub sections: Vec<Section>,
    pub bounds: String,
    pub time_zone: String,
    pub label: String,
    pub kinds: &'static [ObjectiveKind],
}

impl Region {
    fn previous_url(&self) -> String {
        format!("{HERE}?{}", self.scope.query_with_date(self.scope.period.start() - chrono::Duration::days(1)))
    }

    fn next_url(&self) -> String {
        format!("{HERE}?{}", self.scope.query_with_date(self.scope.period.end()))
    }

    fn csv_url(&self) -> String {
        format!("{HERE}.csv?{}", self.scope.query())
    }

    fn detail_url(&self, id: &crate::store::ids::ObjectiveId) -> String {
        format!("{HERE}/{id}?{}", self.scope.query())
    }

    fn period_label(&self, kind: &PeriodKind) -> &'static str {
        kind.label()
    }
}

#[derive(Template)]
#[template(path = "statistics/dashboard.html")]
struct Page {
    layout: Layout,
    region: Region,
}

/// The figures of the objectives of the scope's kind that have a target for its period.
fn sections(
    conn: &mut crate::db::AnyConnection,
    account: &AccountRow,
    objectives: &[Measured],
    scope: &Scope,
) -> Result<Vec<Section>, AppError> {
    let calendar = account.calendar();
    let now = Utc::now();
    let mut sections = Vec::new();
    for objective in objectives.iter().filter(|o| o.row.kind() == scope.kind) {
        let Some(target) = objective.target(&scope.period) else { continue };
        let measure = objective.row.measure();
        let holders: Vec<_> =
            objectives::holders(conn, objective.row.id)?.into_iter().filter(|h| scope.sees(h.user_id)).collect();
        let users: Vec<_> = holders.iter().map(|h| h.user_id).collect();
        let achieved = statistics::achieved_by_user(conn, objective, &users, scope.period.start(), scope.period.end())?;
        let mut lines = Vec::new();
        let (mut sum_achieved, mut sum_target) = (0, 0);
        for holder in holders {
            let achieved = achieved.get(&holder.user_id).copied().unwrap_or(0);
            let progress = statistics::progress_at(&calendar, &scope.period, achieved, target, now);
            let mut line = Line::new(holder.name, &progress, measure, &account.money());
            line.user_id = Some(holder.user_id);
            line.active = holder.active;
            lines.push(line);
            sum_achieved += achieved;
            sum_target += target;
        }
        let total = (lines.len() > 1).then(|| {
            let progress = statistics::progress_at(&calendar, &scope.period, sum_achieved, sum_target, now);
            Line::new("Total".to_owned(), &progress, measure, &account.money())
        });
        sections.push(Section { id: objective.row.id, name: objective.row.name.clone(), lines, total });
    }
    Ok(sections)
}

/// The scope and its figures, as both the page and the CSV need them.
async fn figures(
    state: &Data<AppState>,
    current: &CurrentUser,
    filters: Filters,
) -> Result<(Scope, Vec<Section>, Vec<Measured>), AppError> {
    let (account, reader) = (current.account.clone(), current.user.clone());
    with_conn(&state.pool, move |conn| {
        let objectives = statistics::active_objectives(conn, &account, None)?;
        let scope = resolve(conn, &account, &reader, &filters, &objectives, None)?;
        let sections = sections(conn, &account, &objectives, &scope)?;
        Ok((scope, sections, objectives))
    })
    .await
}

pub async fn page(
    req: HttpRequest,
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlQuery(filters): HtmlQuery<Filters>,
) -> Result<HttpResponse, AppError> {
    let (scope, sections, _) = figures(&state, &current, filters).await?;
    let calendar = current.account.calendar();
    let region = Region {
        bounds: format!("{} 00:00 → {} 00:00 (the end excluded)", scope.period.start(), scope.period.end()),
        label: scope.period.label(),
        time_zone: calendar.tz().name().to_owned(),
        kinds: ObjectiveKind::ALL,
        scope,
        sections,
    };
    let page = Page { layout: Layout::signed_in("Statistics", &current, HERE), region };
    page_or_fragment(wants_fragment(&req), StatusCode::OK, &page, &page.region)
}

pub const CSV_HEADER: [&str; 10] = [
    "user_email",
    "user_name",
    "objective",
    "kind",
    "period",
    "period_start",
    "period_end",
    "achieved",
    "target",
    "percent",
];

/// The table as CSV; a rep gets only their own rows.
pub async fn csv(
    state: Data<AppState>,
    SalesObjectivesReader(current): SalesObjectivesReader,
    HtmlQuery(filters): HtmlQuery<Filters>,
) -> Result<HttpResponse, AppError> {
    let (account, reader) = (current.account.clone(), current.user.clone());
    let body = with_conn(&state.pool, move |conn| {
        let objectives = statistics::active_objectives(conn, &account, None)?;
        let scope = resolve(conn, &account, &reader, &filters, &objectives, None)?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(CSV_HEADER).map_err(|e| AppError::Internal(e.into()))?;
        for objective in objectives.iter().filter(|o| o.row.kind() == scope.kind) {
            let Some(target) = objective.target(&scope.period) else { continue };
            let measure = objective.row.measure();
            let holders: Vec<_> =
                objectives::holders(conn, objective.row.id)?.into_iter().filter(|h| scope.sees(h.user_id)).collect();
            let users: Vec<_> = holders.iter().map(|h| h.user_id).collect();
            let by_user =
                statistics::achieved_by_user(conn, objective, &users, scope.period.start(), scope.period.end())?;
            for holder in holders {
                let Some(person) = scope.people.iter().find(|p| p.id == holder.user_id) else { continue };
                let achieved = by_user.get(&holder.user_id).copied().unwrap_or(0);
                let percent = achieved as f64 / target.max(1) as f64 * 100.0;
                writer
                    .write_record([
                        person.email.as_str(),
                        person.name.as_str(),
                        objective.row.name.as_str(),
                        objective.row.kind.as_str(),
                        scope.period.kind().as_str(),
                        &scope.period.start().to_string(),
                        &scope.period.end().to_string(),
                        &measure.to_input(achieved),
                        &measure.to_input(target),
                        &percent_one_decimal(percent),
                    ])
                    .map_err(|e| AppError::Internal(e.into()))?;
            }
        }
        writer.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"sales-objectives.csv\""))
        .body(body))
}
