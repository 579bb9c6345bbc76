//! `/statistics/sales-objectives` and its CSV export.

use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::cache;
use crate::app::statistics::dashboard::{self, Dashboard, Table};
use crate::app::statistics::overview::{self, Sort};
use crate::app::statistics::{Filters, Scope};
use crate::domain::account::Locale;
use crate::domain::money::MoneyStyle;
use crate::domain::number;
use crate::domain::objective::{Measure, ObjectiveKind};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::progress::{Progress, Standing};
use crate::web::current_user::{CurrentUser, ObjectivesEditor};
use crate::web::error::wants_fragment;
use crate::web::html_form::HtmlQuery;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::{fragment_body, html};
use crate::web::statistics::recomputing;
use crate::web::{AppError, AppState};

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
    /// "87 %": where this pace ends the period.
    pub forecast: String,
    /// Against the previous period: "+3 · +12.5 pp".
    pub change: String,
    /// The period began before the holder held the objective.
    pub partial: bool,
    /// The target is the holder's own, not the objective's.
    pub own_target: bool,
    /// A word under the name (the total's "2 of 3 behind or at risk").
    pub note: String,
}

/// How finely a line writes money: to the cent, or in whole units where many lines are read
/// at a glance (the dashboard: `€263,124`, its cents in the detail and the CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fineness {
    Cents,
    WholeUnits,
}

impl Line {
    /// `money` is the account's currency written the reader's way (`current.money()`): its
    /// locale writes every figure of the line, to the cent or in whole units (`fineness`).
    pub fn new(
        name: String,
        progress: &Progress,
        previous: Option<&Progress>,
        measure: Measure,
        (money, fineness): (&MoneyStyle, Fineness),
    ) -> Self {
        let locale = money.locale;
        let whole = fineness == Fineness::WholeUnits;
        let display =
            |value: i64| if whole { measure.display_whole(value, money) } else { measure.display(value, money) };
        let show = |value: f64| show(measure, value, money, whole);
        let signed = |value: f64| signed(measure, value, money, whole);
        let none = || crate::i18n::lookup(locale, "statistics-not-applicable", &[]);
        let judged = progress.standing.is_judged();
        Self {
            name,
            active: true,
            achieved: display(progress.achieved),
            target: display(progress.target),
            percent: crate::i18n::percent(locale, progress.percent),
            bar: format!("{:.1}", progress.percent.clamp(0.0, 100.0)),
            standing: progress.standing,
            expected: if judged { show(progress.expected) } else { none() },
            gap: if judged { signed(progress.gap) } else { none() },
            needed: progress.needed_per_day.map_or_else(none, show),
            forecast: forecast(locale, progress).unwrap_or_else(none),
            change: previous.filter(|p| p.standing.is_judged()).map_or_else(none, |before| {
                let points = signed_number(locale, progress.percent - before.percent);
                let figure = signed((progress.achieved - before.achieved) as f64);
                crate::i18n::lookup(locale, "statistics-change", &[("figure", &figure), ("points", &points)])
            }),
            partial: progress.partial,
            own_target: false,
            note: String::new(),
        }
    }
}

/// "87.0%", and for a sales objective "87.0% · 92.0% with the pipeline": where this pace,
/// and what was won with the open pipeline weighed by probability, end the period.
pub fn forecast(locale: Locale, progress: &Progress) -> Option<String> {
    let pace = progress.forecast_percent().map(|p| crate::i18n::percent(locale, p));
    let pipeline = progress.pipeline_forecast_percent().map(|p| {
        crate::i18n::lookup(locale, "statistics-forecast-pipeline", &[("percent", &crate::i18n::percent(locale, p))])
    });
    match (pace, pipeline) {
        (Some(pace), Some(pipeline)) => Some(format!("{pace} · {pipeline}")),
        (pace, pipeline) => pace.or(pipeline),
    }
}

/// "+12.5", "−3.0": percent points, one decimal, the reader's way.
fn signed_number(locale: Locale, value: f64) -> String {
    let sign = if value >= 0.0 { "+" } else { "−" };
    format!("{sign}{}", number::decimal(locale, value.abs(), 1))
}

/// A figure that may have decimals: money to the cent (or in whole units), counts to one
/// decimal (two under one), each written the reader's way (`1,250.5`, `1.250,5`).
fn show(measure: Measure, value: f64, money: &MoneyStyle, whole: bool) -> String {
    match measure {
        Measure::Money if whole => measure.display_whole(value.round() as i64, money),
        Measure::Money => measure.display(value.round() as i64, money),
        // Under one, a tenth is too coarse: one deal in 23 days is 0.04 a day, not 0.
        Measure::Count if (0.005..0.95).contains(&value.abs()) => number::decimal(money.locale, value, 2),
        Measure::Count if (value - value.round()).abs() < 0.05 => number::integer(money.locale, value.round() as i64),
        Measure::Count => number::decimal(money.locale, value, 1),
    }
}

fn signed(measure: Measure, value: f64, currency: &MoneyStyle, whole: bool) -> String {
    let sign = if value >= 0.0 { "+" } else { "−" };
    format!("{sign}{}", show(measure, value.abs(), currency, whole))
}

/// One objective's table.
pub struct Section {
    pub id: crate::domain::ids::ObjectiveId,
    pub name: String,
    pub lines: Vec<Line>,
    pub total: Option<Line>,
    /// The teams holding it, against their own targets.
    pub teams: Vec<Line>,
}

#[derive(Template)]
#[template(path = "statistics/_dashboard.html")]
pub struct Region {
    pub scope: Scope,
    pub sections: Vec<Section>,
    /// The period's first and end instants and the zone they are read in, worded.
    pub bounds: String,
    pub label: String,
    pub kinds: &'static [ObjectiveKind],
    /// The filters' tabs: this is not the overview.
    pub overview: bool,
    pub sorts: &'static [Sort],
    pub sort: &'static str,
}

impl Region {
    /// A period kind's name in the filter: quarters and years say "fiscal" when the fiscal
    /// year is not the calendar year.
    fn period_label_key(&self, kind: &PeriodKind) -> &'static str {
        period_label_key(&self.scope.period, kind)
    }

    fn previous_url(&self) -> String {
        format!("{HERE}?{}", self.scope.query_with_date(self.scope.period.start() - chrono::Duration::days(1)))
    }

    fn next_url(&self) -> String {
        format!("{HERE}?{}", self.scope.query_with_date(self.scope.period.end()))
    }

    fn csv_url(&self) -> String {
        format!("{HERE}.csv?{}", self.scope.query())
    }

    fn detail_url(&self, id: &crate::domain::ids::ObjectiveId) -> String {
        format!("{HERE}/{id}?{}", self.scope.query())
    }
}

/// A period kind's name in a filter: quarters and years say "fiscal" when the fiscal year
/// is not the calendar year.
pub fn period_label_key(shown: &Period, kind: &PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Quarter if shown.is_fiscal() => "period-fiscal-quarter",
        PeriodKind::Year if shown.is_fiscal() => "period-fiscal-year",
        other => other.label_key(),
    }
}

#[derive(Template)]
#[template(path = "statistics/dashboard.html")]
struct Page {
    layout: Layout,
    /// The rendered `Region`.
    region: Arc<str>,
}

/// The dashboard's tables, ready to print.
fn sections(money: &MoneyStyle, tables: Vec<Table>) -> Vec<Section> {
    let total_name = crate::i18n::lookup(money.locale, "statistics-total", &[]);
    tables
        .into_iter()
        .map(|Table { objective, lines, total, teams, .. }| {
            let measure = objective.row.measure();
            let teams = teams
                .into_iter()
                .map(|team| Line {
                    note: members_target(money, measure, team.members_target, team.progress.target),
                    ..Line::new(team.team.name, &team.progress, None, measure, (money, Fineness::WholeUnits))
                })
                .collect();
            let total = total.map(|progress| Line {
                note: alarms(money.locale, lines.iter().map(|line| line.progress.standing)),
                ..Line::new(total_name.clone(), &progress, None, measure, (money, Fineness::WholeUnits))
            });
            let lines = lines
                .into_iter()
                .map(|line| Line {
                    active: line.holder.active,
                    own_target: line.own_target,
                    ..Line::new(
                        line.holder.name,
                        &line.progress,
                        line.previous.as_ref(),
                        measure,
                        (money, Fineness::WholeUnits),
                    )
                })
                .collect();
            Section { id: objective.row.id, name: objective.row.name.clone(), lines, total, teams }
        })
        .collect()
}

/// "Members' targets: €240,000 of €250,000", where the own targets of a team's members
/// who hold the objective do not add up to the team's.
fn members_target(money: &MoneyStyle, measure: Measure, members: Option<i64>, team: i64) -> String {
    match members {
        Some(members) if members != team => {
            let (members, team) = (measure.display_whole(members, money), measure.display_whole(team, money));
            crate::i18n::lookup(money.locale, "statistics-members-targets", &[("members", &members), ("team", &team)])
        }
        _ => String::new(),
    }
}

/// "2 of 3 behind or at risk": what a total's own standing would hide.
pub fn alarms(locale: Locale, standings: impl Iterator<Item = Standing>) -> String {
    let judged: Vec<Standing> = standings.filter(|s| s.is_judged()).collect();
    let behind = judged.iter().filter(|s| matches!(s, Standing::Behind | Standing::AtRisk | Standing::Missed)).count();
    let (behind, of) = (behind.to_string(), judged.len().to_string());
    crate::i18n::lookup(locale, "statistics-alarms", &[("behind", &behind), ("count", &of)])
}

pub async fn page(
    req: HttpRequest,
    state: Data<AppState>,
    ObjectivesEditor(current): ObjectivesEditor,
    HtmlQuery(filters): HtmlQuery<Filters>,
) -> Result<HttpResponse, AppError> {
    let fragment = wants_fragment(&req);
    let drawn = draw(&state, &current, filters, fragment).await;
    recomputing::or_notice(drawn, &current, HERE, fragment)
}

async fn draw(
    state: &AppState,
    current: &CurrentUser,
    filters: Filters,
    fragment: bool,
) -> Result<HttpResponse, AppError> {
    let key = cache::Key {
        account: current.account().id,
        revision: current.account().revision,
        reader: current.user_id(),
        locale: current.locale,
        filters,
        minute: cache::minute_of(Utc::now()),
    };
    let region = match state.regions.get(&key) {
        Some(region) => region,
        None => {
            let region: Arc<str> = region(state, current, &key).await?.into();
            state.regions.insert(key, Arc::clone(&region));
            region
        }
    };
    if fragment {
        return Ok(fragment_body(current.locale, StatusCode::OK, region.to_string()));
    }
    let page = Page { layout: Layout::signed_in("statistics-title", current, HERE), region };
    html(current.locale, StatusCode::OK, &page)
}

/// The filters and tables (or the overview) of `key`, computed from the buckets and
/// rendered.
async fn region(state: &AppState, current: &CurrentUser, key: &cache::Key) -> Result<String, AppError> {
    let (filters, as_of) = (key.filters.clone(), key.as_of());
    let (locale, money) = (current.locale, current.money());
    if filters.wants_overview(current.actor.manages()) {
        let sort = Sort::parse(&filters.sort);
        let found =
            state.app.run_as(&current.actor, move |cx, actor| overview::overview(cx, actor, &filters, as_of)).await?;
        return Ok(super::overview::Region::new(found, sort, &money).render_with_values(&locale)?);
    }
    let Dashboard { scope, tables } =
        state.app.run_as(&current.actor, move |cx, actor| dashboard::dashboard(cx, actor, &filters, as_of)).await?;
    let calendar = current.account().calendar();
    let region = Region {
        bounds: bounds(locale, &scope.period, calendar.tz().name()),
        label: crate::i18n::period(locale, &scope.period),
        kinds: ObjectiveKind::ALL,
        overview: false,
        sorts: &Sort::ALL,
        sort: Sort::Standing.as_str(),
        sections: sections(&money, tables),
        scope,
    };
    Ok(region.render_with_values(&locale)?)
}

/// `Sun 22 Nov 2026 00:00 → Sun 29 Nov 2026 00:00 (the end excluded), Europe/Rome time`.
fn bounds(locale: Locale, period: &Period, zone: &str) -> String {
    let (start, end) = (crate::i18n::date(locale, period.start()), crate::i18n::date(locale, period.end()));
    crate::i18n::lookup(locale, "statistics-bounds", &[("start", &start), ("end", &end), ("zone", zone)])
}
