//! Importing history from CSV: activities, and leads with their wins. All or nothing: every
//! line is checked first and each bad one reported as `line N: reason`; only a clean file
//! is written, in one transaction, buckets included.
//!
//! Checking reads only, before the account's write lock is taken: other writers wait for the
//! writing alone. Under the lock, the names the check resolved are resolved again; if any
//! changed meanwhile (an outcome deleted, a pipeline renamed), the import is refused whole.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use chrono::{DateTime, Utc};

use crate::db::AnyConnection;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::ids::{ActionId, OutcomeId, PipelineId, UserId};
use crate::domain::message::Message;
use crate::domain::money::Amount;
use crate::domain::period::Calendar;
use crate::domain::recording::{self as words, LeadStatus, SubjectKind};
use crate::store::accounts::{self, AccountRow};
use crate::store::activities::{self, NewActivity, Subject};
use crate::store::buckets::{self, ActivityKey};
use crate::store::leads::{self, LeadData};
use crate::store::prospects;
use crate::store::{actions, pipelines, users};

pub const ACTIVITY_HEADER: [&str; 7] =
    ["user_email", "action", "outcome", "subject", "subject_name", "pipeline", "occurred_at"];
pub const LEAD_HEADER: [&str; 7] = ["title", "owner_email", "pipeline", "status", "amount", "currency", "closed_at"];

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file was refused; one message per bad line, nothing was written.
    #[error("{} bad line(s), nothing was imported", .0.len())]
    Refused(Vec<BadLine>),
    #[error("{0}")]
    Busy(#[from] crate::db::Busy),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
}

impl crate::db::WriteError for ImportError {
    fn database_error(&self) -> Option<&diesel::result::Error> {
        match self {
            ImportError::Database(error) => Some(error),
            _ => None,
        }
    }
}

/// A refused line of a file and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: u64,
    pub reason: Message,
}

impl BadLine {
    fn new(line: u64, reason: impl Into<Message>) -> Self {
        Self { line, reason: reason.into() }
    }
}

/// In English, for the command line.
impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// What a clean import wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub lines: usize,
    pub leads_created: usize,
    pub prospects_created: usize,
    /// How long the account's write lock was held: other writers of the account waited at
    /// most this long (on SQLite, every writer of the database).
    pub locked: std::time::Duration,
}

/// An RFC 3339 instant, or a local `YYYY-MM-DD HH:MM` in the account's zone.
fn parse_moment(calendar: &Calendar, raw: &str) -> Result<DateTime<Utc>, Invalid> {
    if let Ok(instant) = DateTime::parse_from_rfc3339(raw.trim()) {
        let instant = instant.with_timezone(&Utc);
        crate::domain::range::moment(instant.naive_utc())?;
        return Ok(instant);
    }
    let local = words::parse_local_moment(raw)
        .map_err(|_| Invalid::new(Message::new("import-moment-invalid").arg("value", raw.trim())))?;
    Ok(calendar.local_to_utc(local)?)
}

/// A file's records with the right number of fields, by line, and its other lines, refused.
type Records = (Vec<(u64, csv::StringRecord)>, Vec<BadLine>);

/// The records of `input`, after checking the header (a wrong header refuses the file alone).
fn records(input: impl Read, header: &[&str; 7]) -> Result<Records, ImportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(input);
    let found = reader
        .headers()
        .map_err(|e| ImportError::Refused(vec![BadLine::new(1, Message::new("import-unreadable").arg("error", e))]))?
        .clone();
    let found: Vec<&str> = found.iter().map(str::trim).collect();
    if found != header {
        return Err(ImportError::Refused(vec![BadLine::new(
            1,
            Message::new("import-header").arg("header", header.join(",")),
        )]));
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                if record.len() == header.len() {
                    rows.push((line, record));
                } else {
                    errors.push(BadLine::new(
                        line,
                        Message::new("import-field-count").arg("expected", header.len()).arg("found", record.len()),
                    ));
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(BadLine::new(line, Message::new("import-unreadable").arg("error", e)));
            }
        }
    }
    Ok((rows, errors))
}

/// Looks names up once each: users by e-mail, actions, outcomes and pipelines by name.
struct Lookups<'a> {
    account: &'a AccountRow,
    users: HashMap<String, Option<UserId>>,
    actions: HashMap<String, Option<ActionId>>,
    outcomes: HashMap<(ActionId, String), Option<OutcomeId>>,
    pipelines: HashMap<String, Option<PipelineId>>,
}

impl<'a> Lookups<'a> {
    fn new(account: &'a AccountRow) -> Self {
        Self {
            account,
            users: HashMap::new(),
            actions: HashMap::new(),
            outcomes: HashMap::new(),
            pipelines: HashMap::new(),
        }
    }

    fn user(&mut self, conn: &mut AnyConnection, email: &str) -> Result<UserId, ImportLineError> {
        let email = email.trim().to_lowercase();
        if !self.users.contains_key(&email) {
            let found = users::find_by_email(conn, self.account.id, &email)?.map(|u| u.id);
            self.users.insert(email.clone(), found);
        }
        self.users[&email]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-user").arg("email", email)))
    }

    fn action(&mut self, conn: &mut AnyConnection, name: &str) -> Result<ActionId, ImportLineError> {
        let name = name.trim().to_owned();
        if !self.actions.contains_key(&name) {
            let found = actions::find_action_by_name(conn, self.account.id, &name)?.map(|a| a.id);
            self.actions.insert(name.clone(), found);
        }
        self.actions[&name]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-action").arg("name", name)))
    }

    fn outcome(
        &mut self,
        conn: &mut AnyConnection,
        action: ActionId,
        name: &str,
    ) -> Result<OutcomeId, ImportLineError> {
        let key = (action, name.trim().to_owned());
        if !self.outcomes.contains_key(&key) {
            let found = actions::find_outcome_by_name(conn, action, &key.1)?.map(|o| o.id);
            self.outcomes.insert(key.clone(), found);
        }
        self.outcomes[&key]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-result").arg("name", &key.1)))
    }

    /// Whether every name looked up still means what it meant: checked again under the
    /// write lock, so that what the import writes refers to rows that exist.
    fn still_hold(&self, conn: &mut AnyConnection) -> diesel::QueryResult<bool> {
        let account = self.account.id;
        for (email, id) in &self.users {
            if users::find_by_email(conn, account, email)?.map(|u| u.id) != *id {
                return Ok(false);
            }
        }
        for (name, id) in &self.actions {
            if actions::find_action_by_name(conn, account, name)?.map(|a| a.id) != *id {
                return Ok(false);
            }
        }
        for ((action, name), id) in &self.outcomes {
            if actions::find_outcome_by_name(conn, *action, name)?.map(|o| o.id) != *id {
                return Ok(false);
            }
        }
        for (name, id) in &self.pipelines {
            if pipelines::find_by_name(conn, account, name)?.map(|p| p.id) != *id {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn pipeline(&mut self, conn: &mut AnyConnection, name: &str) -> Result<PipelineId, ImportLineError> {
        let name = name.trim().to_owned();
        if !self.pipelines.contains_key(&name) {
            let found = pipelines::find_by_name(conn, self.account.id, &name)?.map(|p| p.id);
            self.pipelines.insert(name.clone(), found);
        }
        self.pipelines[&name]
            .ok_or_else(|| ImportLineError::Message(Message::new("import-unknown-pipeline").arg("name", name)))
    }
}

/// Why one line is refused (or the database failing while checking it).
enum ImportLineError {
    Message(Message),
    Database(diesel::result::Error),
}

impl ImportLineError {
    fn message(key: &'static str) -> Self {
        Self::Message(Message::new(key))
    }
}

impl From<diesel::result::Error> for ImportLineError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Database(error)
    }
}

impl From<Invalid> for ImportLineError {
    fn from(Invalid(message): Invalid) -> Self {
        Self::Message(message)
    }
}

/// Runs `check` on every row, gathering `line N: reason` for the bad ones, with those the
/// reading found (`errors`), in the order of the file.
fn check_all<T>(
    (rows, mut errors): Records,
    mut check: impl FnMut(&csv::StringRecord) -> Result<T, ImportLineError>,
) -> Result<Vec<T>, ImportError> {
    let mut checked = Vec::with_capacity(rows.len());
    for (line, record) in &rows {
        match check(record) {
            Ok(value) => checked.push(value),
            Err(ImportLineError::Message(reason)) => errors.push(BadLine::new(*line, reason)),
            Err(ImportLineError::Database(error)) => return Err(error.into()),
        }
    }
    errors.sort_by_key(|bad| bad.line);
    if errors.is_empty() { Ok(checked) } else { Err(ImportError::Refused(errors)) }
}

/// Refuses the import when a name its lines use changed while they were checked.
fn unchanged(lookups: &Lookups, conn: &mut AnyConnection) -> Result<(), ImportError> {
    if lookups.still_hold(conn)? {
        Ok(())
    } else {
        Err(ImportError::Refused(vec![BadLine::new(1, "import-changed-meanwhile")]))
    }
}

struct ActivityLine {
    user: UserId,
    action: ActionId,
    outcome: OutcomeId,
    subject: SubjectKind,
    subject_name: String,
    pipeline: Option<PipelineId>,
    occurred_at: DateTime<Utc>,
}

pub fn import_activities(
    conn: &mut AnyConnection,
    account: &AccountRow,
    input: impl Read,
) -> Result<ImportReport, ImportError> {
    let rows = records(input, &ACTIVITY_HEADER)?;
    let calendar = account.calendar();
    let now = Utc::now().naive_utc();
    let mut lookups = Lookups::new(account);
    let mut lines = check_all(rows, |record| {
        let user = lookups.user(conn, &record[0])?;
        let action = lookups.action(conn, &record[1])?;
        let outcome = lookups.outcome(conn, action, &record[2])?;
        let subject: SubjectKind = record[3].parse()?;
        let subject_name = words::parse_name(&record[4], "import-subject-name-required")?;
        let pipeline = match (subject, record[5].trim()) {
            (SubjectKind::Lead, "") => return Err(ImportLineError::message("import-lead-needs-pipeline")),
            (SubjectKind::Lead, name) => Some(lookups.pipeline(conn, name)?),
            (SubjectKind::Prospect, "") => None,
            (SubjectKind::Prospect, _) => {
                return Err(ImportLineError::message("import-prospect-no-pipeline"));
            }
        };
        let occurred_at = parse_moment(&calendar, &record[6])?;
        Ok(ActivityLine { user, action, outcome, subject, subject_name, pipeline, occurred_at })
    })?;
    // Written in the order of the largest index (user, moment): each page of it is then
    // filled in one go instead of being visited again for every line of the file.
    lines.sort_by_key(|line| (line.user, line.occurred_at));
    let report = accounts::bulk_change(conn, account.id, |conn| {
        let locked = std::time::Instant::now();
        unchanged(&lookups, conn)?;
        let mut report = ImportReport { lines: lines.len(), ..ImportReport::default() };
        // Subjects are found by their owner and name, and the missing ones created in bulk
        // (a lead in the pipeline of its first line).
        let mut leads_by_name = leads::ids_by_owner_and_title(conn, account.id)?;
        let mut prospects_by_name = prospects::ids_by_owner_and_name(conn, account.id)?;
        let mut missing_leads: Vec<(UserId, PipelineId, String)> = Vec::new();
        let mut missing_prospects: Vec<(UserId, String)> = Vec::new();
        let mut seen: HashSet<(SubjectKind, UserId, &str)> = HashSet::new();
        for line in &lines {
            let key = (line.user, line.subject_name.clone());
            let fresh = seen.insert((line.subject, line.user, line.subject_name.as_str()));
            match (line.subject, line.pipeline) {
                (SubjectKind::Lead, Some(pipeline)) if fresh && !leads_by_name.contains_key(&key) => {
                    missing_leads.push((line.user, pipeline, line.subject_name.clone()));
                }
                (SubjectKind::Prospect, _) if fresh && !prospects_by_name.contains_key(&key) => {
                    missing_prospects.push(key);
                }
                _ => {}
            }
        }
        if !missing_leads.is_empty() {
            leads::insert_many_open(conn, account.id, &missing_leads, now)?;
            leads_by_name = leads::ids_by_owner_and_title(conn, account.id)?;
        }
        if !missing_prospects.is_empty() {
            prospects::insert_many(conn, account.id, &missing_prospects, now)?;
            prospects_by_name = prospects::ids_by_owner_and_name(conn, account.id)?;
        }
        report.leads_created = missing_leads.len();
        report.prospects_created = missing_prospects.len();

        let mut new = Vec::with_capacity(lines.len());
        for line in &lines {
            let key = (line.user, line.subject_name.clone());
            let subject = match (line.subject, line.pipeline) {
                (SubjectKind::Lead, Some(pipeline)) => {
                    leads_by_name.get(&key).map(|&lead| Subject::Lead { lead, pipeline })
                }
                _ => prospects_by_name.get(&key).map(|&prospect| Subject::Prospect(prospect)),
            };
            let subject = subject.ok_or(diesel::result::Error::NotFound)?;
            new.push(NewActivity {
                account: account.id,
                user: line.user,
                action: line.action,
                outcome: line.outcome,
                subject,
                occurred_at: line.occurred_at.naive_utc(),
                occurred_on: calendar.local_date(line.occurred_at),
                note: String::new(),
                created_at: now,
            });
        }
        let keys = activities::insert_many(conn, &new)?;
        let counts: Vec<(ActivityKey, i64)> = keys.into_iter().map(|key| (key, 1)).collect();
        buckets::add_activities(conn, &counts)?;
        report.locked = locked.elapsed();
        Ok::<_, ImportError>(report)
    })?;
    tracing::info!(lines = report.lines, locked_ms = report.locked.as_millis(), "activities imported");
    Ok(report)
}

pub fn import_leads(
    conn: &mut AnyConnection,
    account: &AccountRow,
    input: impl Read,
) -> Result<ImportReport, ImportError> {
    let rows = records(input, &LEAD_HEADER)?;
    let calendar = account.calendar();
    let now = Utc::now().naive_utc();
    let mut lookups = Lookups::new(account);
    let leads_data = check_all(rows, |record| {
        let title = words::parse_name(&record[0], "import-title-required")?;
        let owner = lookups.user(conn, &record[1])?;
        let pipeline = lookups.pipeline(conn, &record[2])?;
        let status: LeadStatus = record[3].parse()?;
        let amount = match record[4].trim() {
            "" => None,
            raw => Some(Amount::parse(Locale::En, raw)?),
        };
        let currency = record[5].trim();
        if !currency.is_empty() && !currency.eq_ignore_ascii_case(&account.currency) {
            let message =
                Message::new("import-other-currency").arg("currency", currency).arg("account", &account.currency);
            return Err(ImportLineError::Message(message));
        }
        let closed_at = match (status, record[6].trim()) {
            (LeadStatus::Won, "") => return Err(ImportLineError::message("import-won-needs-closed-at")),
            (LeadStatus::Won, raw) => Some(parse_moment(&calendar, raw)?),
            (_, "") => None,
            (_, _) => return Err(ImportLineError::message("import-closed-at-only-won")),
        };
        if status == LeadStatus::Won && amount.is_none() {
            return Err(ImportLineError::message("import-won-needs-amount"));
        }
        let won = status == LeadStatus::Won;
        Ok(LeadData {
            pipeline_id: pipeline,
            owner_id: owner,
            title,
            amount_cents: amount.map(Amount::cents),
            status,
            closed_at: closed_at.map(|at| at.naive_utc()),
            closed_on: closed_at.map(|at| calendar.local_date(at)),
            won_by_id: won.then_some(owner),
        })
    })?;
    let report = accounts::bulk_change(conn, account.id, |conn| {
        let locked = std::time::Instant::now();
        unchanged(&lookups, conn)?;
        for data in &leads_data {
            leads::insert(conn, account.id, data, now)?;
        }
        let lines = leads_data.len();
        Ok::<_, ImportError>(ImportReport {
            lines,
            leads_created: lines,
            prospects_created: 0,
            locked: locked.elapsed(),
        })
    })?;
    tracing::info!(lines = report.lines, locked_ms = report.locked.as_millis(), "leads imported");
    Ok(report)
}

/// What a file holds, as the import page's forms name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    Activities,
    Leads,
}

/// Imports a file into the actor's account (admins only): its report, or every bad line
/// (nothing written).
pub fn import(
    cx: &mut crate::app::Cx,
    actor: &crate::app::Actor,
    kind: ImportKind,
    input: &[u8],
) -> Result<Result<ImportReport, Vec<BadLine>>, crate::app::Error> {
    actor.require_admin()?;
    let imported = match kind {
        ImportKind::Activities => import_activities(cx.conn, &actor.account, input),
        ImportKind::Leads => import_leads(cx.conn, &actor.account, input),
    };
    match imported {
        Ok(report) => Ok(Ok(report)),
        Err(ImportError::Refused(lines)) => Ok(Err(lines)),
        Err(ImportError::Busy(busy)) => Err(busy.into()),
        Err(ImportError::Database(error)) => Err(error.into()),
    }
}
