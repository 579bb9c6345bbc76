//! `/statistics/sales-objectives/{id}`: per assignee the last periods against their
//! targets, the breakdown by result or pipeline, and the records counted, page by page.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path};
use askama::Template;
use serde::Deserialize;

use super::dashboard::{Fineness, HERE, Line};
use super::overview::PlaceLine;
use crate::app::statistics::detail::{self, Detail, Records};
use crate::app::statistics::{Filters, Scope};
use crate::domain::account::Locale;
use crate::domain::chart::{self, BarChart, Column};
use crate::domain::ids::ObjectiveId;
use crate::domain::message::Message;
use crate::domain::money::MoneyStyle;
use crate::domain::objective::{Measure, ObjectiveKind};
use crate::domain::period::Calendar;
use crate::domain::recording::SubjectKind;
use crate::web::current_user::SalesObjectivesReader;
use crate::web::html_form::HtmlQuery;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState};

const CHART_PERIODS: usize = 12;
/// In the chart's own units: text stays legible from a phone's width to a desktop card's.
const CHART_SIZE: (f64, f64) = (420.0, 170.0);
const PAGE_SIZE: i64 = 25;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DetailQuery {
    #[serde(flatten)]
    filters: Filters,
    page: Option<i64>,
}

pub struct PersonChart {
    pub name: String,
    /// Their figure, target, standing and forecast in the chosen period, when it has a target.
    pub line: Option<Line>,
    /// The running period's burn-up, when the period runs.
    pub burn_up: Option<chart::BurnUp>,
    pub chart: BarChart,
}

/// One record counted: when, who, what, on what, how much.
pub struct Record {
    pub when: String,
    pub user: String,
    pub what: String,
    pub subject: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "statistics/detail.html")]
struct Page {
    layout: Layout,
    name: String,
    kind: ObjectiveKind,
    scope: Scope,
    period_label: String,
    /// The period's name and its first and end days, worded.
    bounds: String,
    charts: Vec<PersonChart>,
    leaderboard: Vec<PlaceLine>,
    breakdown: Vec<(String, String)>,
    records: Vec<Record>,
    page: i64,
    has_next: bool,
    id: ObjectiveId,
    /// Whether the reader may open the dashboard: a rep's way back is My objectives.
    reader_manages: bool,
    /// Archived: out of the dashboard, its results read here only.
    archived: bool,
    /// Its dates as a sentence; empty without.
    dates: String,
}

impl Page {
    fn page_url(&self, page: i64) -> String {
        format!("{HERE}/{}?{}&page={page}", self.id, self.scope.query())
    }

    fn back_url(&self) -> String {
        if self.reader_manages { format!("{HERE}?{}", self.scope.query()) } else { "/me/objectives".to_owned() }
    }

    fn back_label(&self) -> &'static str {
        if self.reader_manages { "statistics-crumb" } else { "menu-my-objectives" }
    }

    fn here(&self) -> String {
        format!("{HERE}/{}", self.id)
    }

    fn previous_url(&self) -> String {
        let date = self.scope.period.start() - chrono::Duration::days(1);
        format!("{HERE}/{}?{}", self.id, self.scope.query_with_date(date))
    }

    fn next_url(&self) -> String {
        format!("{HERE}/{}?{}", self.id, self.scope.query_with_date(self.scope.period.end()))
    }

    fn period_label_key(&self, kind: &crate::domain::period::PeriodKind) -> &'static str {
        super::dashboard::period_label_key(&self.scope.period, kind)
    }
}

pub async fn page(
    state: Data<AppState>,
    SalesObjectivesReader(current): SalesObjectivesReader,
    path: Path<ObjectiveId>,
    HtmlQuery(query): HtmlQuery<DetailQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let page_number = crate::domain::range::page(query.page).map_err(AppError::bad_request)?;
    let shown = (CHART_PERIODS, page_number, PAGE_SIZE);
    let found = state.app.run_as(&current.actor, move |cx, actor| detail::detail(cx, actor, id, &query.filters, shown));
    let Detail {
        objective,
        scope,
        holders,
        standings,
        leaderboard,
        burn_up,
        periods,
        achieved,
        breakdown,
        records,
        has_next,
    } = match found.await {
        Err(crate::app::Error::Recomputing(percent)) => {
            return super::recomputing::notice(&current, HERE, percent, false);
        }
        found => found?,
    };
    let (locale, money) = (current.locale, current.money());
    let measure = objective.row.measure();
    let columns_of = |user| -> Vec<Column> {
        periods
            .iter()
            .zip(&achieved)
            .map(|(period, achieved)| Column {
                label: crate::i18n::period(locale, period),
                achieved: achieved.get(&user).copied().unwrap_or(0),
                target: objective.target_for(user, period),
            })
            .collect()
    };
    // One scale for everybody: the same target at the same height in every chart.
    let top = holders.iter().map(|(user, _)| chart::highest(&columns_of(*user))).max().unwrap_or(0);
    let charts = holders
        .iter()
        .map(|(user, name)| PersonChart {
            name: name.clone(),
            line: standings.iter().find(|s| s.holder.user_id == *user).map(|s| Line {
                own_target: s.own_target,
                ..Line::new(name.clone(), &s.progress, s.previous.as_ref(), measure, (&money, Fineness::Cents))
            }),
            burn_up: burn_up.as_ref().zip(objective.target_for(*user, &scope.period)).map(|(burn_up, target)| {
                let points: Vec<(f64, i64)> =
                    burn_up.points.iter().map(|(x, by)| (*x, by.get(user).copied().unwrap_or(0))).collect();
                let from = burn_up.from.get(user).copied().unwrap_or(0.0);
                chart::burn_up(&points, target, from, CHART_SIZE, |v| measure.display(v, &money))
            }),
            chart: chart::bar_chart(&columns_of(*user), CHART_SIZE, top, |v| measure.display(v, &money)),
        })
        .collect();
    let breakdown = breakdown.into_iter().map(|(name, total)| (name, measure.display(total, &money))).collect();
    let records = words_of(&current.account().calendar(), &money, records);
    let period_label = crate::i18n::period(locale, &scope.period);
    let page = Page {
        layout: Layout::signed_in(Message::verbatim(&objective.row.name), &current, HERE),
        reader_manages: current.role().manages(),
        archived: objective.row.archived_at.is_some(),
        dates: crate::i18n::objective_dates(
            locale,
            objective.row.dates(),
            current.account().calendar().local_date(chrono::Utc::now()),
        ),
        name: objective.row.name.clone(),
        kind: objective.row.kind(),
        bounds: bounds(locale, &period_label, &scope),
        period_label,
        scope,
        charts,
        leaderboard: super::overview::places(locale, leaderboard, true),
        breakdown,
        records,
        page: page_number,
        has_next,
        id,
    };
    html(current.locale, StatusCode::OK, &page)
}

/// `November 2026: Sun 1 Nov 2026 → Tue 1 Dec 2026 (the end excluded).`
fn bounds(locale: Locale, period_label: &str, scope: &Scope) -> String {
    let (start, end) = (crate::i18n::date(locale, scope.period.start()), crate::i18n::date(locale, scope.period.end()));
    crate::i18n::lookup(
        locale,
        "statistics-detail-bounds",
        &[("period", period_label), ("start", &start), ("end", &end)],
    )
}

/// The records counted in the chosen period, worded.
fn words_of(calendar: &Calendar, money: &MoneyStyle, records: Records) -> Vec<Record> {
    let moment = |at: chrono::NaiveDateTime| calendar.local_datetime(at.and_utc()).format("%Y-%m-%d %H:%M").to_string();
    match records {
        Records::Activities(lines) => lines
            .into_iter()
            .map(|line| Record {
                when: moment(line.activity.occurred_at),
                user: line.user,
                what: format!("{} · {}", line.action, line.outcome),
                // `Lead · Acme renewal`: the kind of subject, then the name someone gave it.
                subject: match (line.lead_title, line.prospect_name) {
                    (Some(title), _) => format!("{} · {title}", subject_word(money.locale, SubjectKind::Lead)),
                    (None, Some(name)) => format!("{} · {name}", subject_word(money.locale, SubjectKind::Prospect)),
                    (None, None) => String::new(),
                },
                amount: String::new(),
            })
            .collect(),
        Records::Wins(lines) => lines
            .into_iter()
            .map(|line| Record {
                when: line.lead.closed_at.map(moment).unwrap_or_default(),
                user: line.owner,
                what: line.pipeline,
                subject: line.lead.title,
                amount: line.lead.amount_cents.map(|c| Measure::Money.display(c, money)).unwrap_or_default(),
            })
            .collect(),
    }
}

fn subject_word(locale: Locale, kind: SubjectKind) -> String {
    crate::i18n::lookup(locale, kind.label_key(), &[])
}
