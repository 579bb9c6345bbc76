//! My objectives: every objective the signed-in user holds, each period target's current
//! period with pace, and a small history. A rep's home.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;

use super::dashboard::{Fineness, Line};
use super::overview::PlaceLine;
use crate::app::statistics::{mine, overview};
use crate::domain::chart::{self, BarChart, Column};
use crate::domain::period::PeriodKind;
use crate::web::current_user::SalesObjectivesReader;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState};

/// How many periods the small history shows.
const HISTORY: usize = 6;
/// In the chart's own units, for a card from 280 px wide.
const CHART_SIZE: (f64, f64) = (320.0, 130.0);

pub struct Card {
    pub objective: String,
    pub period_label: String,
    pub period_kind: PeriodKind,
    pub line: Line,
    pub chart: BarChart,
    pub detail_url: String,
}

#[derive(Template)]
#[template(path = "statistics/me.html")]
struct Page {
    layout: Layout,
    cards: Vec<Card>,
    time_zone: String,
    /// Names and ranks, where the account lets reps see them.
    leaderboard: Vec<PlaceLine>,
}

pub async fn page(
    state: Data<AppState>,
    SalesObjectivesReader(current): SalesObjectivesReader,
) -> Result<HttpResponse, AppError> {
    let both = |cx: &mut crate::app::Cx, actor: &crate::app::Actor| {
        Ok((mine::mine(cx, actor, HISTORY)?, overview::leaderboard_for_rep(cx, actor)?))
    };
    let (found, places) = match state.app.run_as(&current.actor, both).await {
        Err(crate::app::Error::Recomputing(percent)) => {
            return super::recomputing::notice(&current, "/me/objectives", percent, false);
        }
        found => found?,
    };
    let (money, locale) = (current.money(), current.locale);
    let cards = found
        .into_iter()
        .filter_map(|found| {
            let measure = found.objective.row.measure();
            let columns: Vec<Column> = found
                .history
                .iter()
                .map(|(period, achieved, target)| Column {
                    label: crate::i18n::period(locale, period),
                    achieved: *achieved,
                    target: *target,
                })
                .collect();
            let (current_period, _, _) = found.history.last()?;
            let row = &found.objective.row;
            Some(Card {
                objective: row.name.clone(),
                period_label: crate::i18n::period(locale, current_period),
                period_kind: found.kind,
                line: Line {
                    own_target: found.own_target,
                    ..Line::new(
                        row.name.clone(),
                        &found.progress,
                        found.previous.as_ref(),
                        measure,
                        (&money, Fineness::Cents),
                    )
                },
                chart: chart::bar_chart(&columns, CHART_SIZE, 0, |v| measure.display(v, &money)),
                detail_url: format!(
                    "/statistics/sales-objectives/{}?type={}&period={}",
                    row.id,
                    row.kind,
                    found.kind.as_str()
                ),
            })
        })
        .collect();
    let page = Page {
        layout: Layout::signed_in("statistics-my-objectives", &current, "/me/objectives"),
        cards,
        time_zone: current.account().time_zone.to_string(),
        leaderboard: places.map(|p| super::overview::places(locale, p, current.actor.manages())).unwrap_or_default(),
    };
    html(current.locale, StatusCode::OK, &page)
}
