//! `/api/v1/objectives/{id}/results`: a period's figures, pace, standing and forecast.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path, Query};

use super::auth::ApiClient;
use super::json;
use super::models::{self, GroupBy, Records, RecordsQuery, ResultLine, Results, ResultsPeriod, ResultsQuery};
use super::problem::{Problem, Refusals};
use crate::app::api::activities::Named;
use crate::app::api::leads::Named as LeadNamed;
use crate::app::api::results::{self as use_case, Counted};
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::objective::Measure;
use crate::domain::period::PeriodKind;
use crate::domain::progress::Progress;
use crate::web::AppState;

fn line(money: bool, name: String, progress: &Progress) -> ResultLine {
    ResultLine {
        user_id: None,
        team_id: None,
        name,
        achieved: models::figure(money, progress.achieved),
        target: models::figure(money, progress.target),
        percent: (progress.percent * 10.0).round() / 10.0,
        expected_by_now: models::reckoned(money, progress.expected),
        needed_per_remaining_day: progress.needed_per_day.map(|v| models::reckoned(money, v)),
        standing: progress.standing.css().replace('-', "_"),
        forecast: progress.forecast.map(|v| models::reckoned(money, v)),
        own_target: false,
    }
}

/// An objective's results
///
/// For the period of the kind asked (one the objective has targets for) that contains the
/// date asked: each holder's figure (or each team's) against their target, with what the
/// pace expects by now, what is needed per remaining working day, the standing and the
/// forecast; and the holders together.
#[utoipa::path(get, path = "/api/v1/objectives/{id}/results", tag = "Results", params(("id" = i64, Path), ResultsQuery),
    responses((status = 200, body = Results), Refusals),
    security(("token" = ["results:read"])))]
pub async fn show(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<i64>,
    query: Query<ResultsQuery>,
) -> Result<HttpResponse, Problem> {
    let locale = api.locale;
    let id = ObjectiveId(path.into_inner());
    let ResultsQuery { period, date, group_by } = query.into_inner();
    let period = period.map(PeriodKind::from);
    let by_team = group_by.unwrap_or_default() == GroupBy::Team;
    let account = api.client.actor.account.clone();
    let results = api.run(&state, move |cx, client| use_case::results(cx, client, id, period, date)).await?;
    let money = results.objective.row.measure() == Measure::Money;
    let items = if by_team {
        results
            .teams
            .iter()
            .map(|t| ResultLine { team_id: Some(t.team.team_id.0), ..line(money, t.team.name.clone(), &t.progress) })
            .collect()
    } else {
        results
            .holders
            .iter()
            .map(|h| ResultLine {
                user_id: Some(h.holder.user_id.0),
                own_target: h.own_target,
                ..line(money, h.holder.name.clone(), &h.progress)
            })
            .collect()
    };
    let total_name = crate::i18n::lookup(locale, "api-results-total", &[]);
    let shown = Results {
        objective_id: id.0,
        period: period_of(&results.period),
        group_by: if by_team { "team" } else { "user" }.to_owned(),
        unit: if money { "money" } else { "count" }.to_owned(),
        currency: money.then(|| account.currency.clone()),
        as_of: results.as_of.with_timezone(&account.calendar().tz()).fixed_offset(),
        items,
        total: if by_team { None } else { results.total.as_ref().map(|t| line(money, total_name, t)) },
    };
    json(StatusCode::OK, &shown)
}

/// What counted for an objective
///
/// The records behind its figures in the period asked: its activities (activity
/// objectives) or won leads (sales objectives), latest first, page by page.
#[utoipa::path(get, path = "/api/v1/objectives/{id}/results/records", tag = "Results", params(("id" = i64, Path), RecordsQuery),
    responses((status = 200, body = Records), Refusals),
    security(("token" = ["results:read"])))]
pub async fn records(
    state: Data<AppState>,
    api: ApiClient,
    path: Path<i64>,
    query: Query<RecordsQuery>,
) -> Result<HttpResponse, Problem> {
    let id = ObjectiveId(path.into_inner());
    let RecordsQuery { period, date, user_id, after, limit } = query.into_inner();
    let period = period.map(PeriodKind::from);
    let account = api.client.actor.account.clone();
    let found = api
        .run(&state, move |cx, client| {
            use_case::records(cx, client, id, (period, date), user_id.map(UserId), after.as_deref(), limit)
        })
        .await?;
    let (kind, activities, wins) = match &found.counted {
        Counted::Activities(rows) => {
            let named = |a: &crate::store::activities::ActivityRow| Named { activity: a.clone(), external_id: None };
            ("activities", Some(rows.iter().map(|a| super::activities::activity(&account, &named(a))).collect()), None)
        }
        Counted::Wins(rows) => {
            let named = |l: &crate::store::leads::LeadRow| LeadNamed { lead: l.clone(), external_id: None };
            ("wins", None, Some(rows.iter().map(|l| super::leads::lead(&account, &named(l))).collect()))
        }
    };
    json(
        StatusCode::OK,
        &Records {
            objective_id: id.0,
            period: period_of(&found.period),
            kind: kind.to_owned(),
            activities,
            wins,
            next: found.next,
        },
    )
}

fn period_of(period: &crate::domain::period::Period) -> ResultsPeriod {
    ResultsPeriod { kind: period.kind().as_str().to_owned(), start: period.start(), end: period.last_day() }
}
