//! My objectives: every objective the signed-in user holds, each period target's current
//! period with pace, and a small history. A rep's home.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::Data;
use askama::Template;
use chrono::Utc;

use super::dashboard::Line;
use crate::domain::chart::{self, BarChart, Column};
use crate::domain::period::PeriodKind;
use crate::statistics;
use crate::store::objectives;
use crate::web::current_user::SalesObjectivesReader;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

/// How many periods the small history shows.
const HISTORY: usize = 6;

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
}

pub async fn page(
    state: Data<AppState>,
    SalesObjectivesReader(current): SalesObjectivesReader,
) -> Result<HttpResponse, AppError> {
    let (account, me, money, locale) = (current.account.clone(), current.user.clone(), current.money(), current.locale);
    let cards = with_conn(&state.pool, move |conn| {
        let calendar = account.calendar();
        let now = Utc::now();
        let today = calendar.local_date(now);
        let mut cards = Vec::new();
        for row in objectives::held_by(conn, account.id, me.id)? {
            let objective = statistics::measured(conn, &account, row)?;
            let measure = objective.row.measure();
            for kind in objective.row.periods() {
                let periods = statistics::last_periods(&calendar, kind, today, HISTORY);
                let mut columns = Vec::new();
                for period in &periods {
                    let achieved = statistics::achieved(conn, &objective, me.id, period)?;
                    let target = objective.target(period);
                    columns.push(Column {
                        label: crate::i18n::period(locale, period),
                        achieved,
                        target,
                        shown: measure.display(achieved, &money),
                    });
                }
                let (Some(current_period), Some(last)) = (periods.last(), columns.last()) else { continue };
                let Some(target) = last.target else { continue };
                let progress = statistics::progress_at(&calendar, current_period, last.achieved, target, now);
                cards.push(Card {
                    objective: objective.row.name.clone(),
                    period_label: crate::i18n::period(locale, current_period),
                    period_kind: kind,
                    line: Line::new(objective.row.name.clone(), &progress, measure, &money),
                    chart: chart::bar_chart(&columns, 240.0, 60.0),
                    detail_url: format!(
                        "/statistics/sales-objectives/{}?type={}&period={}",
                        objective.row.id,
                        objective.row.kind,
                        kind.as_str()
                    ),
                });
            }
        }
        Ok(cards)
    })
    .await?;
    let page = Page {
        layout: Layout::signed_in("statistics-my-objectives", &current, "/me/objectives"),
        cards,
        time_zone: current.account.time_zone.clone(),
    };
    html(current.locale, StatusCode::OK, &page)
}
