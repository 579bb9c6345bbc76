//! `/statistics/sales-objectives/{id}`: per assignee the last periods against their
//! targets, the breakdown by result or pipeline, and the records counted, page by page.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::web::{Data, Path};
use askama::Template;
use serde::Deserialize;

use super::dashboard::HERE;
use super::{Filters, Scope, resolve};
use crate::domain::account::Locale;
use crate::domain::chart::{self, BarChart, Column};
use crate::domain::ids::{ObjectiveId, PipelineId, UserId};
use crate::domain::message::Message;
use crate::domain::money::MoneyStyle;
use crate::domain::objective::{Measure, ObjectiveKind};
use crate::domain::recording::SubjectKind;
use crate::statistics::{self, Measured};
use crate::store::{activities, leads, objectives};
use crate::web::current_user::SalesObjectivesReader;
use crate::web::html_form::HtmlQuery;
use crate::web::i18n::filters;
use crate::web::layout::Layout;
use crate::web::respond::html;
use crate::web::{AppError, AppState, with_conn};

const CHART_PERIODS: usize = 12;
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
    breakdown: Vec<(String, String)>,
    records: Vec<Record>,
    page: i64,
    has_next: bool,
    id: ObjectiveId,
}

impl Page {
    fn page_url(&self, page: i64) -> String {
        format!("{HERE}/{}?{}&page={page}", self.id, self.scope.query())
    }

    fn back_url(&self) -> String {
        format!("{HERE}?{}", self.scope.query())
    }
}

pub async fn page(
    state: Data<AppState>,
    SalesObjectivesReader(current): SalesObjectivesReader,
    path: Path<i64>,
    HtmlQuery(query): HtmlQuery<DetailQuery>,
) -> Result<HttpResponse, AppError> {
    let id = ObjectiveId(path.into_inner());
    let page_number = crate::domain::range::page(query.page).map_err(AppError::bad_request)?;
    let (account, reader, money) = (current.account.clone(), current.user.clone(), current.money());
    let locale = current.locale;
    let parts = with_conn(&state.pool, move |conn| {
        // Archived objectives are out of the statistics.
        let row =
            objectives::find(conn, account.id, id)?.filter(|o| o.archived_at.is_none()).ok_or(AppError::NotFound)?;
        let objective = statistics::measured(conn, &account, row)?;
        let scope = resolve(
            conn,
            &account,
            &reader,
            &query.filters,
            std::slice::from_ref(&objective),
            Some(objective.row.kind()),
            chrono::Utc::now(),
        )?;
        let holders: Vec<(UserId, String)> = objectives::holders(conn, id)?
            .into_iter()
            .filter(|h| scope.sees(h.user_id))
            .map(|h| (h.user_id, h.name))
            .collect();
        // A rep reads only the objectives they hold: another one's page, even its name, is
        // not theirs to know.
        if !reader.role().manages() && holders.is_empty() {
            return Err(AppError::NotFound);
        }
        let calendar = account.calendar();
        let measure = objective.row.measure();
        let periods = statistics::last_periods(&calendar, scope.period.kind(), scope.period.start(), CHART_PERIODS);
        let users: Vec<UserId> = holders.iter().map(|(u, _)| *u).collect();
        // One grouped read per period for every assignee at once.
        let mut per_period = Vec::with_capacity(periods.len());
        for period in &periods {
            per_period.push(statistics::achieved_by_user(conn, &objective, &users, period.start(), period.end())?);
        }
        let charts = holders
            .iter()
            .map(|(user, name)| {
                let columns: Vec<Column> = periods
                    .iter()
                    .zip(&per_period)
                    .map(|(period, achieved)| {
                        let achieved = achieved.get(user).copied().unwrap_or(0);
                        Column {
                            label: crate::i18n::period(locale, period),
                            achieved,
                            target: objective.target(period),
                            shown: measure.display(achieved, &money),
                        }
                    })
                    .collect();
                PersonChart { name: name.clone(), chart: chart::bar_chart(&columns, 480.0, 120.0) }
            })
            .collect();
        let breakdown = breakdown(conn, &money, &objective, &users, &scope)?;
        let offset = (page_number - 1) * PAGE_SIZE;
        let mut records = records(conn, &account, &money, &objective, &users, &scope, (PAGE_SIZE + 1, offset))?;
        let has_next = records.len() as i64 > PAGE_SIZE;
        records.truncate(PAGE_SIZE as usize);
        Ok((objective, scope, charts, breakdown, records, has_next))
    })
    .await?;
    let (objective, scope, charts, breakdown, records, has_next) = parts;
    let period_label = crate::i18n::period(locale, &scope.period);
    let page = Page {
        layout: Layout::signed_in(Message::verbatim(&objective.row.name), &current, HERE),
        name: objective.row.name.clone(),
        kind: objective.row.kind(),
        bounds: bounds(locale, &period_label, &scope),
        period_label,
        scope,
        charts,
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

/// The chosen period's figure split by result (activity) or pipeline (sales).
fn breakdown(
    conn: &mut crate::db::AnyConnection,
    money: &MoneyStyle,
    objective: &Measured,
    users: &[UserId],
    scope: &Scope,
) -> Result<Vec<(String, String)>, AppError> {
    let measure = objective.row.measure();
    let parts = statistics::breakdown(conn, objective, users, scope.period.start(), scope.period.end())?;
    Ok(parts.into_iter().map(|(name, total)| (name, measure.display(total, money))).collect())
}

/// The records counted in the chosen period: the only read of raw rows, one page at a time.
fn records(
    conn: &mut crate::db::AnyConnection,
    account: &crate::store::accounts::AccountRow,
    money: &MoneyStyle,
    objective: &Measured,
    users: &[UserId],
    scope: &Scope,
    page: (i64, i64),
) -> Result<Vec<Record>, AppError> {
    let calendar = account.calendar();
    let range = (scope.period.start(), scope.period.end());
    let pipeline: Option<PipelineId> = objective.row.pipeline_id;
    let moment = |at: chrono::NaiveDateTime| calendar.local_datetime(at.and_utc()).format("%Y-%m-%d %H:%M").to_string();
    Ok(match objective.row.kind() {
        ObjectiveKind::Activity => {
            let subjects = objective.row.context().map_or(&[][..], |c| c.subjects());
            activities::counted(conn, account.id, users, &objective.outcomes, subjects, pipeline, range, page)?
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
                .collect()
        }
        ObjectiveKind::Sales => leads::won_between(conn, account.id, users, pipeline, range, page)?
            .into_iter()
            .map(|line| Record {
                when: line.lead.closed_at.map(moment).unwrap_or_default(),
                user: line.owner,
                what: line.pipeline,
                subject: line.lead.title,
                amount: line.lead.amount_cents.map(|c| Measure::Money.display(c, money)).unwrap_or_default(),
            })
            .collect(),
    })
}

fn subject_word(locale: Locale, kind: SubjectKind) -> String {
    crate::i18n::lookup(locale, kind.label_key(), &[])
}
