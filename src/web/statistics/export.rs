//! `/statistics/sales-objectives.csv`: the dashboard's table for scripts and spreadsheets.
//! Comma-separated with `.` decimals by default; `?separator=semicolon` writes what a
//! spreadsheet set to Italian opens as it is (`;` between fields, `,` decimals).

use crate::web::respond::csv_file;
use actix_web::HttpResponse;
use actix_web::web::{Data, Query};
use chrono::Utc;
use serde::Deserialize;

use crate::app::statistics::dashboard::{self, Dashboard, Table};
use crate::app::statistics::{Filters, HolderProgress};
use crate::domain::account::Locale;
use crate::domain::objective::Measure;
use crate::domain::progress::{Progress, percent_one_decimal};
use crate::domain::spreadsheet::text_cell;
use crate::web::current_user::SalesObjectivesReader;
use crate::web::html_form::HtmlQuery;
use crate::web::{AppError, AppState};

/// New columns go at the end: scripts read these by position.
pub const CSV_HEADER: [&str; 18] = [
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
    "period_name",
    "expected",
    "gap",
    "needed_per_working_day",
    "standing",
    "forecast",
    "pipeline_forecast",
    "target_set_for",
];

/// The name of the total row, which has no e-mail: English, like the header.
const TOTAL: &str = "Total";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsvOptions {
    /// `semicolon` for `;` between fields and `,` decimals.
    separator: String,
}

/// The table as CSV, a row per holder the reader may see and, for an objective of several,
/// their total; a rep gets only their own rows.
pub async fn csv(
    state: Data<AppState>,
    SalesObjectivesReader(current): SalesObjectivesReader,
    HtmlQuery(filters): HtmlQuery<Filters>,
    options: Query<CsvOptions>,
) -> Result<HttpResponse, AppError> {
    let Dashboard { scope, tables } = state
        .app
        .run_as(&current.actor, move |cx, actor| dashboard::dashboard(cx, actor, &filters, Utc::now()))
        .await?;
    let semicolon = options.separator == "semicolon";
    let decimal = |text: String| if semicolon { text.replace('.', ",") } else { text };
    let mut writer = csv::WriterBuilder::new().delimiter(if semicolon { b';' } else { b',' }).from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Internal(e.into());
    writer.write_record(CSV_HEADER).map_err(fail)?;
    // In English, like the headers: `FY2027 Q1`, `Week of 23 Nov 2026`.
    let period_name = crate::i18n::period(Locale::En, &scope.period);
    let (kind, start, end) = (scope.period.kind().as_str(), scope.period.start(), scope.period.end());
    for Table { objective, lines, total, teams, .. } in tables {
        let measure = objective.row.measure();
        // Whose target a row is measured against: the holder's own, or the objective's.
        let people = lines.iter().filter_map(|HolderProgress { holder, progress, own_target, .. }| {
            let person = scope.people.iter().find(|p| p.id == holder.user_id)?;
            let set_for = if *own_target { "holder" } else { "objective" };
            Some((person.email.as_str(), person.name.as_str(), progress, set_for))
        });
        // Then the teams holding it, against their own targets: no e-mail, `team`.
        let teams = teams.iter().map(|team| ("", team.team.name.as_str(), &team.progress, "team"));
        for (email, name, progress, set_for) in
            people.chain(total.as_ref().map(|total| ("", TOTAL, total, ""))).chain(teams)
        {
            let figures = Figures::of(measure, progress);
            writer
                .write_record([
                    text_cell(email).as_ref(),
                    &text_cell(name),
                    &text_cell(&objective.row.name),
                    objective.row.kind.as_str(),
                    kind,
                    &start.to_string(),
                    &end.to_string(),
                    &decimal(measure.to_input(progress.achieved)),
                    &decimal(measure.to_input(progress.target)),
                    &decimal(percent_one_decimal(progress.percent)),
                    &period_name,
                    &decimal(figures.expected),
                    &decimal(figures.gap),
                    &decimal(figures.needed),
                    progress.standing.css(),
                    &decimal(figures.forecast),
                    &decimal(figures.pipeline),
                    set_for,
                ])
                .map_err(fail)?;
        }
    }
    csv_file(&format!("sales-objectives-{}-{kind}-{start}.csv", scope.kind.as_str()), writer)
}

/// A row's pace figures as a script reads them: money in units with two decimals, counts
/// with two; empty where there is none.
struct Figures {
    expected: String,
    gap: String,
    needed: String,
    forecast: String,
    pipeline: String,
}

impl Figures {
    fn of(measure: Measure, progress: &Progress) -> Self {
        let value = |v: f64| match measure {
            Measure::Money => format!("{:.2}", v / 100.0),
            Measure::Count => format!("{v:.2}"),
        };
        let maybe = |v: Option<f64>| v.map(value).unwrap_or_default();
        Self {
            expected: value(progress.expected),
            gap: value(progress.gap),
            needed: maybe(progress.needed_per_day),
            forecast: maybe(progress.forecast),
            pipeline: maybe(progress.pipeline_forecast),
        }
    }
}
