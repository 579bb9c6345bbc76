//! Importing activities: each on a lead or prospect found by name (a missing one is
//! created), counted in the buckets with the rest of the file.

use std::collections::HashSet;
use std::io::Read;

use chrono::{DateTime, Utc};

use super::file::{ImportLineError, check_all, parse_moment, records};
use super::lookups::{Lookups, unchanged};
use super::{ImportError, ImportReport};
use crate::db::AnyConnection;
use crate::domain::ids::{ActionId, OutcomeId, PipelineId, UserId};
use crate::domain::recording::{self as words, SubjectKind};
use crate::store::accounts::{self, AccountRow};
use crate::store::activities::{self, NewActivity, Subject};
use crate::store::buckets::{self, ActivityKey};
use crate::store::leads;
use crate::store::prospects;

pub const ACTIVITY_HEADER: [&str; 7] =
    ["user_email", "action", "outcome", "subject", "subject_name", "pipeline", "occurred_at"];

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
    started: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    let rows = records(input, &ACTIVITY_HEADER)?;
    let calendar = account.calendar();
    let now = started.naive_utc();
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
        let occurred_at = parse_moment(&calendar, &record[6], started)?;
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
