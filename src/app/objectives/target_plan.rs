//! The target planning grid (Control Panel › an objective › Targets): holders × the
//! periods of a fiscal year, each cell the holder's target for that period alone. Cells of
//! running and future periods are edited (one at a time or all at once, all or nothing),
//! filled from a yearly figure, exported and imported as CSV; closed periods read only.

use chrono::NaiveDate;

use crate::app::audit::{self, Event};
use crate::app::statistics::figures::{self, Measured};
use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::message::Message;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::target_plan::{self, Seasonality, Spread};
use crate::store::holder_targets::{self, HolderTargetRow};
use crate::store::objectives::{self, Holder, ObjectiveRow};
use crate::store::{accounts, users};

/// The CSV's first columns; a column per period start (`YYYY-MM-DD`) follows.
pub const PLAN_HEADER: [&str; 2] = ["user_email", "user_name"];

/// One period of the grid.
pub struct Column {
    pub period: Period,
    /// Running or to come, within the objective's dates, the objective not archived.
    pub open: bool,
    /// The objective's target for it (none outside its dates).
    pub objective_target: Option<i64>,
}

/// One holder's cell: their target for the period, and whether it is their own.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub target: Option<i64>,
    pub own: bool,
}

pub struct PlanRow {
    pub holder: Holder,
    pub cells: Vec<Cell>,
}

impl PlanRow {
    pub fn total(&self) -> i64 {
        self.cells.iter().filter_map(|c| c.target).sum()
    }
}

/// The grid for one period kind of the objective and one fiscal year.
pub struct Plan {
    pub objective: ObjectiveRow,
    /// The objective's period kinds the grid plans (a day is not planned here).
    pub kinds: Vec<PeriodKind>,
    /// None: the objective has daily targets only.
    pub kind: Option<PeriodKind>,
    pub year: Period,
    pub columns: Vec<Column>,
    pub rows: Vec<PlanRow>,
    pub profile: Seasonality,
    /// The objective with every holder's targets, to check changes against.
    measured: Measured,
}

impl Plan {
    /// Each column's total over the holders.
    pub fn column_totals(&self) -> Vec<i64> {
        (0..self.columns.len())
            .map(|i| self.rows.iter().filter_map(|r| r.cells.get(i).and_then(|c| c.target)).sum())
            .collect()
    }
}

fn editor(actor: &Actor) -> Result<(), Error> {
    actor.require_manager()?;
    actor.require_dream_team()
}

/// The grid of `kind` (the objective's first plannable one when none or another is asked)
/// for the fiscal year holding `date` (today when none).
pub fn plan(cx: &mut Cx, actor: &Actor, id: ObjectiveId, kind: &str, date: Option<NaiveDate>) -> Result<Plan, Error> {
    editor(actor)?;
    let account = &*actor.account;
    let objective = objectives::find(cx.conn, account.id, id)?.ok_or(Error::NotFound)?;
    let calendar = account.calendar();
    let today = calendar.local_date(cx.now);
    let year = calendar.period_of_date(PeriodKind::Year, date.unwrap_or(today));
    let kinds: Vec<PeriodKind> = objective.periods().into_iter().filter(|k| *k != PeriodKind::Day).collect();
    let kind = kinds.iter().copied().find(|k| k.as_str() == kind.trim()).or(kinds.first().copied());
    let profile = accounts::seasonality(cx.conn, account.id)?.map(|s| Seasonality::from_stored(&s)).unwrap_or_default();
    let measured = figures::measured(cx.conn, account, objective.clone())?;
    let periods = kind.map(|kind| periods_of(&calendar, kind, &year)).unwrap_or_default();
    let columns: Vec<Column> = periods
        .into_iter()
        .map(|period| Column {
            open: open(&measured, &period, today),
            objective_target: measured.target(&period),
            period,
        })
        .collect();
    let rows = objectives::holders(cx.conn, id)?
        .into_iter()
        .map(|holder| {
            let cells = columns.iter().map(|c| cell(&measured, holder.user_id, &c.period)).collect();
            PlanRow { holder, cells }
        })
        .collect();
    Ok(Plan { objective, kinds, kind, year, columns, rows, profile, measured })
}

/// Whether a period's cells can change: running or to come, within the objective's dates,
/// the objective not archived.
fn open(measured: &Measured, period: &Period, today: NaiveDate) -> bool {
    period.end() > today && measured.row.archived_at.is_none() && measured.target(period).is_some()
}

fn cell(measured: &Measured, user: UserId, period: &Period) -> Cell {
    Cell { target: measured.target_for(user, period), own: measured.has_own_target(user, period) }
}

/// The periods of `kind` that meet the fiscal year.
fn periods_of(calendar: &crate::domain::period::Calendar, kind: PeriodKind, year: &Period) -> Vec<Period> {
    let mut periods = Vec::new();
    let mut period = calendar.period_of_date(kind, year.start());
    while period.start() < year.end() {
        let next = period.next(calendar);
        periods.push(period);
        period = next;
    }
    periods
}

/// One cell as typed: the holder, the period's first day, the target (empty: the
/// objective's).
#[derive(Debug, Clone)]
pub struct CellChange {
    pub user: UserId,
    pub start: NaiveDate,
    pub typed: String,
}

/// A refused cell and why.
#[derive(Debug, Clone)]
pub struct CellError {
    pub user: UserId,
    pub start: NaiveDate,
    pub message: Message,
}

/// Saves the cells as typed, all or nothing: every refused cell is reported and nothing is
/// written. Returns how many cells changed.
pub fn save(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    kind: &str,
    changes: &[CellChange],
    locale: Locale,
) -> Result<Result<usize, Vec<CellError>>, Error> {
    editor(actor)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let plan = plan(cx, actor, id, kind, None)?;
        let kind = plannable(&plan, kind)?;
        let checked = check(cx, actor, &plan, kind, changes, locale)?;
        match checked {
            Err(errors) => Ok(Err(errors)),
            Ok(cells) => Ok(Ok(write(cx, actor, &plan, kind, &cells)?)),
        }
    })
}

/// The cells' refusals, nothing written: a file's lines are all checked before any is.
fn refusals(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    kind: &str,
    changes: &[CellChange],
) -> Result<Vec<CellError>, Error> {
    let plan = plan(cx, actor, id, kind, None)?;
    let kind = plannable(&plan, kind)?;
    Ok(check(cx, actor, &plan, kind, changes, Locale::En)?.err().unwrap_or_default())
}

/// The grid's kind as asked: one the objective plans, else the request is refused.
fn plannable(plan: &Plan, kind: &str) -> Result<PeriodKind, Error> {
    match plan.kind {
        Some(found) if found.as_str() == kind.trim() => Ok(found),
        _ => {
            let period = kind.trim().parse::<PeriodKind>().map(|k| k.as_str()).unwrap_or("day");
            Err(invalid(FieldErrors::FORM, Message::new("holder-target-no-such-period").arg("period", period)))
        }
    }
}

/// A checked cell: the holder, the period, the target wanted (none: the objective's).
type PlannedCell = (UserId, Period, Option<i64>);

/// Each change checked against the objective and the calendar.
fn check(
    cx: &mut Cx,
    actor: &Actor,
    plan: &Plan,
    kind: PeriodKind,
    changes: &[CellChange],
    locale: Locale,
) -> Result<Result<Vec<PlannedCell>, Vec<CellError>>, Error> {
    let calendar = actor.account.calendar();
    let today = calendar.local_date(cx.now);
    let measured = &plan.measured;
    let measure = plan.objective.measure();
    let mut cells = Vec::new();
    let mut errors = Vec::new();
    for change in changes {
        // Someone who does not hold it, here or in another account: not found.
        if !plan.rows.iter().any(|r| r.holder.user_id == change.user) {
            return Err(Error::NotFound);
        }
        let refuse = |message: Message| CellError { user: change.user, start: change.start, message };
        let period = calendar.period_of_date(kind, change.start);
        if period.start() != change.start {
            errors.push(refuse(Message::new("plan-not-a-period-start").arg("date", change.start)));
            continue;
        }
        let typed = change.typed.trim();
        let wanted = if typed.is_empty() { None } else { Some(measure.parse_target(locale, typed)) };
        let wanted = match wanted.transpose() {
            Ok(wanted) => wanted,
            Err(crate::domain::Invalid(message)) => {
                errors.push(refuse(message));
                continue;
            }
        };
        if !open(measured, &period, today) {
            // A closed cell sent back as it was (their own target, or empty) is no change.
            let now = cell(measured, change.user, &period);
            if wanted != now.target.filter(|_| now.own) {
                let key = if measured.target(&period).is_none() { "plan-outside-dates" } else { "plan-period-closed" };
                errors.push(refuse(Message::new(key)));
            }
            continue;
        }
        cells.push((change.user, period, wanted));
    }
    Ok(if errors.is_empty() { Ok(cells) } else { Err(errors) })
}

/// Writes each cell for its period alone, audited; returns how many changed. The holders'
/// histories are read once and kept up to date as the cells are written.
fn write(cx: &mut Cx, actor: &Actor, plan: &Plan, kind: PeriodKind, cells: &[PlannedCell]) -> Result<usize, Error> {
    let (account, objective) = (actor.account_id(), &plan.objective);
    let calendar = actor.account.calendar();
    let mut own: Vec<HolderTargetRow> = holder_targets::of_objective(cx.conn, account, objective.id)?
        .into_iter()
        .filter(|t| t.period == kind)
        .collect();
    let mut changed = 0;
    for (user, period, wanted) in cells {
        let mut history: Vec<(NaiveDate, Option<i64>)> =
            own.iter().filter(|t| t.user_id == *user).map(|t| (t.effective_from, t.value)).collect();
        history.sort_by_key(|(from, _)| *from);
        let next = period.next(&calendar).start();
        let writes = target_plan::cell_writes(&history, period.start(), next, *wanted);
        if writes.is_empty() {
            continue;
        }
        for (date, value) in writes {
            own.retain(|t| !(t.user_id == *user && t.effective_from == date));
            match value {
                Some(value) => {
                    let set_at = cx.now.naive_utc();
                    let entry = HolderTargetRow { user_id: *user, period: kind, effective_from: date, value, set_at };
                    holder_targets::set(cx.conn, account, objective.id, &entry)?;
                    own.push(entry);
                }
                None => {
                    holder_targets::remove(cx.conn, account, objective.id, *user, kind, date)?;
                }
            }
        }
        let before = history.iter().rev().find(|(from, _)| *from <= period.start()).and_then(|(_, v)| *v);
        let holder = plan.rows.iter().find(|r| r.holder.user_id == *user).map(|r| r.holder.name.clone());
        let holder = holder.unwrap_or_default();
        let event = Event::HolderTargetSet {
            objective: objective.name.clone(),
            holder,
            kind: objective.kind(),
            metric: objective.metric(),
            period: kind,
            from: period.start(),
            before,
            after: *wanted,
        };
        audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        changed += 1;
    }
    Ok(changed)
}

/// A yearly figure to spread over a holder's row (or every row).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct FillForm {
    pub period: String,
    pub year: String,
    /// A holder's id; empty: every holder.
    pub user: String,
    pub total: String,
    /// `evenly`, `working_days` or `seasonality`.
    pub spread: String,
    #[serde(skip)]
    pub locale: Locale,
}

/// Spreads the yearly figure over each chosen row's open periods, so that the row adds up
/// to it: what closed periods hold already is taken off first. Returns the cells changed.
pub fn fill(cx: &mut Cx, actor: &Actor, id: ObjectiveId, form: &FillForm) -> Result<usize, Error> {
    editor(actor)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let year =
            crate::domain::range::parse_date(&form.year).map_err(|crate::domain::Invalid(m)| invalid("year", m))?;
        let plan = plan(cx, actor, id, &form.period, year)?;
        let kind = plannable(&plan, &form.period)?;
        let mut errors = FieldErrors::new();
        let spread = errors.check("spread", form.spread.parse::<Spread>());
        let total = errors.check("total", plan.objective.measure().parse_target(form.locale, &form.total));
        let rows: Vec<&PlanRow> = match form.user.trim() {
            "" => plan.rows.iter().collect(),
            raw => {
                let user = raw.parse::<i64>().map(UserId).map_err(|_| Error::NotFound)?;
                vec![plan.rows.iter().find(|r| r.holder.user_id == user).ok_or(Error::NotFound)?]
            }
        };
        errors.into_result()?;
        let (Some(spread), Some(total)) = (spread, total) else { return Err(invalid("total", "target-required")) };
        let open: Vec<usize> = (0..plan.columns.len()).filter(|i| plan.columns[*i].open).collect();
        if open.is_empty() {
            return Err(invalid("total", "plan-no-open-period"));
        }
        let bounds: Vec<(NaiveDate, NaiveDate)> =
            open.iter().map(|i| (plan.columns[*i].period.start(), plan.columns[*i].period.end())).collect();
        let working = figures::working_calendar(cx.conn, &actor.account)?;
        let weights = target_plan::weights(spread, &bounds, &working, &plan.profile);
        let mut cells = Vec::new();
        for row in rows {
            let closed: i64 =
                row.cells.iter().enumerate().filter(|(i, _)| !open.contains(i)).filter_map(|(_, c)| c.target).sum();
            let left = total - closed;
            let parts = target_plan::split(left, &weights).filter(|parts| parts.iter().all(|p| *p > 0));
            let Some(parts) = parts.filter(|_| left > 0) else {
                let measure = plan.objective.measure();
                let money = crate::domain::money::MoneyStyle { locale: form.locale, ..actor.account.money() };
                let closed = measure.display(closed, &money);
                let message = Message::new("plan-spread-too-small").arg("name", &row.holder.name).arg("closed", closed);
                return Err(invalid("total", message));
            };
            for (i, part) in open.iter().zip(parts) {
                cells.push((row.holder.user_id, plan.columns[*i].period, Some(part)));
            }
        }
        write(cx, actor, &plan, kind, &cells)
    })
}

/// Saves the account's seasonality profile: twelve monthly weights as typed.
pub fn set_seasonality(cx: &mut Cx, actor: &Actor, typed: &[String], locale: Locale) -> Result<(), Error> {
    editor(actor)?;
    let profile = Seasonality::parse(locale, typed).map_err(|crate::domain::Invalid(m)| invalid("weights", m))?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        accounts::set_seasonality(cx.conn, account, &profile.to_stored())?;
        Ok(())
    })
}

/// The holders' e-mails, for the CSV.
pub fn emails(cx: &mut Cx, actor: &Actor, plan: &Plan) -> Result<Vec<(UserId, String)>, Error> {
    let people = users::list(cx.conn, actor.account_id())?;
    Ok(people
        .into_iter()
        .filter(|u| plan.rows.iter().any(|r| r.holder.user_id == u.id))
        .map(|u| (u.id, u.email))
        .collect())
}

/// A refused line of a grid file: its number, the period's column when one cell is at
/// fault, and why.
#[derive(Debug, Clone)]
pub struct PlanBadLine {
    pub line: u64,
    pub column: Option<NaiveDate>,
    pub reason: Message,
}

/// Imports a grid file (as exported, numbers written `1250.50`): all or nothing, each bad
/// line reported. Returns how many cells changed.
pub fn import(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    kind: &str,
    file: &[u8],
) -> Result<Result<usize, Vec<PlanBadLine>>, Error> {
    editor(actor)?;
    let account = actor.account_id();
    let bad = |line: u64, reason: Message| PlanBadLine { line, column: None, reason };
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(file);
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => return Ok(Err(vec![bad(1, Message::new("import-unreadable").arg("error", e))])),
    };
    let calendar = actor.account.calendar();
    let kind_parsed = kind.trim().parse::<PeriodKind>().ok();
    let mut starts = Vec::new();
    let mut refused = Vec::new();
    if header.iter().take(2).map(str::trim).ne(PLAN_HEADER) {
        refused.push(bad(1, Message::new("plan-header").arg("expected", PLAN_HEADER.join(","))));
    }
    for raw in header.iter().skip(2) {
        let start = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok();
        match (start, kind_parsed) {
            (Some(start), Some(kind)) if calendar.period_of_date(kind, start).start() == start => starts.push(start),
            _ => refused.push(bad(1, Message::new("plan-not-a-period-start").arg("date", raw.trim()))),
        }
    }
    let mut changes = Vec::new();
    let mut lines: Vec<(UserId, u64)> = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                refused.push(bad(line, Message::new("import-unreadable").arg("error", e)));
                continue;
            }
        };
        let email = record.get(0).unwrap_or_default().trim();
        let user = match users::find_by_email(cx.conn, account, email)? {
            Some(user) if objectives::is_assigned(cx.conn, id, user.id)? => Some(user),
            _ => None,
        };
        let Some(user) = user else {
            refused.push(bad(line, Message::new("plan-no-such-holder").arg("email", email)));
            continue;
        };
        lines.push((user.id, line));
        for (i, start) in starts.iter().enumerate() {
            let typed = record.get(i + 2).unwrap_or_default().to_owned();
            changes.push(CellChange { user: user.id, start: *start, typed });
        }
    }
    let as_lines = |errors: Vec<CellError>| -> Vec<PlanBadLine> {
        errors
            .into_iter()
            .map(|e| {
                let line = lines.iter().find(|(u, _)| *u == e.user).map_or(1, |(_, l)| *l);
                PlanBadLine { line, column: Some(e.start), reason: e.message }
            })
            .collect()
    };
    if !refused.is_empty() {
        if kind_parsed.is_some() {
            refused.extend(as_lines(refusals(cx, actor, id, kind, &changes)?));
        }
        refused.sort_by_key(|bad| bad.line);
        return Ok(Err(refused));
    }
    // Numbers in files are written the way scripts write them.
    match save(cx, actor, id, kind, &changes, Locale::En)? {
        Ok(changed) => Ok(Ok(changed)),
        Err(errors) => Ok(Err(as_lines(errors))),
    }
}
