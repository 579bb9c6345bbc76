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
use crate::statistics::{self, Figures};
use crate::store::accounts::AccountRow;
use crate::web::current_user::{ObjectivesEditor, SalesObjectivesReader};
use crate::web::error::wants_fragment;
use crate::web::html_form::HtmlQuery;
use crate::web::layout::Layout;
use crate::web::respond::page_or_fragment;
use crate::web::{AppError, AppState, with_conn};

pub const HERE: &str = "/statistics/sales-objectives";

/// One line of a table: a person's progress, ready to print.
pub struct Line {
    pub name: String,
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

/// The tables of the objectives of the scope's kind that have a target for its period.
fn sections(account: &AccountRow, scope: &Scope, figures: Vec<Figures>) -> Vec<Section> {
    let calendar = account.calendar();
    let money = account.money();
    let now = Utc::now();
    figures
        .into_iter()
        .map(|Figures { objective, target, holders }| {
            let measure = objective.row.measure();
            let progress = |achieved, target| statistics::progress_at(&calendar, &scope.period, achieved, target, now);
            let (sum_achieved, sum_target) = (holders.iter().map(|(_, a)| a).sum(), target * holders.len() as i64);
            let total = (holders.len() > 1)
                .then(|| Line::new("Total".to_owned(), &progress(sum_achieved, sum_target), measure, &money));
            let lines = holders
                .into_iter()
                .map(|(holder, achieved)| Line {
                    active: holder.active,
                    ..Line::new(holder.name, &progress(achieved, target), measure, &money)
                })
                .collect();
            Section { id: objective.row.id, name: objective.row.name.clone(), lines, total }
        })
        .collect()
}

pub async fn page(
    req: HttpRequest,
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlQuery(filters): HtmlQuery<Filters>,
) -> Result<HttpResponse, AppError> {
    let (account, reader) = (current.account.clone(), current.user.clone());
    let (scope, sections) = with_conn(&state.pool, move |conn| {
        let objectives = statistics::active_objectives(conn, &account, None)?;
        let scope = resolve(conn, &account, &reader, &filters, &objectives, None)?;
        let figures = statistics::figures(conn, &objectives, scope.kind, &scope.period, |u| scope.sees(u))?;
        let sections = sections(&account, &scope, figures);
        Ok((scope, sections))
    })
    .await?;
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
        let figures = statistics::figures(conn, &objectives, scope.kind, &scope.period, |u| scope.sees(u))?;
        for Figures { objective, target, holders } in figures {
            let measure = objective.row.measure();
            for (holder, achieved) in holders {
                let Some(person) = scope.people.iter().find(|p| p.id == holder.user_id) else { continue };
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
