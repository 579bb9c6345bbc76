//! Activities, each counted in the period buckets from the moment it is written.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::buckets::{self, ActivityKey};
use crate::db::schema::{actions, activities, leads, outcomes, prospects, users};
use crate::db::{self, AnyConnection};
use crate::domain::counting::CountingRule;
use crate::domain::ids::{AccountId, ActionId, ActivityId, LeadId, OutcomeId, PipelineId, ProspectId, UserId};
use crate::domain::recording::SubjectKind;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = activities)]
pub struct ActivityRow {
    pub id: ActivityId,
    pub account_id: AccountId,
    pub user_id: UserId,
    pub action_id: ActionId,
    pub outcome_id: OutcomeId,
    pub subject_kind: SubjectKind,
    pub lead_id: Option<LeadId>,
    pub prospect_id: Option<ProspectId>,
    pub pipeline_id: Option<PipelineId>,
    pub occurred_at: NaiveDateTime,
    pub occurred_on: NaiveDate,
    pub note: String,
    pub created_at: NaiveDateTime,
}

impl ActivityRow {
    pub fn subject(&self) -> SubjectKind {
        if self.lead_id.is_some() { SubjectKind::Lead } else { SubjectKind::Prospect }
    }

    pub fn bucket_key(&self) -> ActivityKey {
        ActivityKey {
            account: self.account_id,
            user: self.user_id,
            outcome: self.outcome_id,
            subject: self.subject(),
            pipeline: self.pipeline_id,
            day: self.occurred_on,
        }
    }
}

/// What an activity is done on; a lead's carries the lead's pipeline at logging time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Lead { lead: LeadId, pipeline: PipelineId },
    Prospect(ProspectId),
}

#[derive(Debug, Clone)]
pub struct NewActivity {
    pub account: AccountId,
    pub user: UserId,
    pub action: ActionId,
    pub outcome: OutcomeId,
    pub subject: Subject,
    pub occurred_at: NaiveDateTime,
    /// The local date of `occurred_at` in the account's time zone: the bucket it counts in.
    pub occurred_on: NaiveDate,
    pub note: String,
    pub created_at: NaiveDateTime,
}

/// An activity as listed, with the names it refers to.
#[derive(Debug, Clone, Queryable)]
pub struct ActivityLine {
    pub activity: ActivityRow,
    pub user: String,
    pub action: String,
    pub outcome: String,
    pub lead_title: Option<String>,
    pub prospect_name: Option<String>,
}

/// Inserts one activity and counts it.
pub fn insert(conn: &mut AnyConnection, new: &NewActivity) -> QueryResult<ActivityRow> {
    let (subject, lead_id, prospect_id, pipeline_id) = match new.subject {
        Subject::Lead { lead, pipeline } => (SubjectKind::Lead, Some(lead), None, Some(pipeline)),
        Subject::Prospect(prospect) => (SubjectKind::Prospect, None, Some(prospect), None),
    };
    let row = insertable(new);
    // The id read before the bucket upsert, which inserts too; PostgreSQL returns it with
    // the insert, a round trip less on the path every logged activity takes.
    let id = match conn {
        AnyConnection::Pg(c) => {
            diesel::insert_into(activities::table).values(&row).returning(activities::id).get_result(c)?
        }
        AnyConnection::Sqlite(c) => {
            diesel::insert_into(activities::table).values(&row).execute(c)?;
            ActivityId(db::last_insert_id(conn)?)
        }
    };
    buckets::add_activity(conn, &key_of(new), 1)?;
    Ok(ActivityRow {
        id,
        account_id: new.account,
        user_id: new.user,
        action_id: new.action,
        outcome_id: new.outcome,
        subject_kind: subject,
        lead_id,
        prospect_id,
        pipeline_id,
        occurred_at: new.occurred_at,
        occurred_on: new.occurred_on,
        note: new.note.clone(),
        created_at: new.created_at,
    })
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: ActivityId) -> QueryResult<Option<ActivityRow>> {
    one_in_account!(conn, activities as ActivityRow, account, id = id)
}

/// Deletes one activity and takes it out of the buckets.
pub fn delete(conn: &mut AnyConnection, account: AccountId, id: ActivityId) -> QueryResult<Option<ActivityRow>> {
    let Some(activity) = find(conn, account, id)? else { return Ok(None) };
    diesel::delete(activities::table.filter(activities::id.eq(activity.id))).execute(conn)?;
    buckets::add_activity(conn, &activity.bucket_key(), -1)?;
    Ok(Some(activity))
}

/// How many activities were logged on the lead.
pub fn count_on_lead(conn: &mut AnyConnection, account: AccountId, lead: LeadId) -> QueryResult<i64> {
    activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::lead_id.eq(lead))
        .count()
        .get_result(conn)
}

/// How many activities were logged on the prospect.
pub fn count_on_prospect(conn: &mut AnyConnection, account: AccountId, prospect: ProspectId) -> QueryResult<i64> {
    activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::prospect_id.eq(prospect))
        .count()
        .get_result(conn)
}

pub fn delete_on_lead(conn: &mut AnyConnection, account: AccountId, lead: LeadId) -> QueryResult<()> {
    let doomed = activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::lead_id.eq(lead))
        .select(ActivityRow::as_select())
        .load(conn)?;
    delete_all(conn, doomed)
}

pub fn delete_on_prospect(conn: &mut AnyConnection, account: AccountId, prospect: ProspectId) -> QueryResult<()> {
    let doomed = activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::prospect_id.eq(prospect))
        .select(ActivityRow::as_select())
        .load(conn)?;
    delete_all(conn, doomed)
}

fn delete_all(conn: &mut AnyConnection, doomed: Vec<ActivityRow>) -> QueryResult<()> {
    for activity in doomed {
        diesel::delete(activities::table.filter(activities::id.eq(activity.id))).execute(conn)?;
        buckets::add_activity(conn, &activity.bucket_key(), -1)?;
    }
    Ok(())
}

/// The account's activities, latest first, one page at a time; only `user`'s when given.
pub fn list(
    conn: &mut AnyConnection,
    account: AccountId,
    user: Option<UserId>,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<ActivityLine>> {
    let filter = LineFilter { users: user.map(|u| vec![u]), ..LineFilter::default() };
    lines(conn, account, &filter, (limit, offset))
}

/// One activity as listed.
pub fn line(conn: &mut AnyConnection, account: AccountId, id: ActivityId) -> QueryResult<Option<ActivityLine>> {
    Ok(lines(conn, account, &LineFilter { id: Some(id), ..LineFilter::default() }, (1, 0))?.pop())
}

/// The latest `limit` activities logged on the lead, latest first.
pub fn on_lead(
    conn: &mut AnyConnection,
    account: AccountId,
    lead: LeadId,
    limit: i64,
) -> QueryResult<Vec<ActivityLine>> {
    lines(conn, account, &LineFilter { lead: Some(lead), ..LineFilter::default() }, (limit, 0))
}

/// The latest `limit` activities logged on the prospect, latest first.
pub fn on_prospect(
    conn: &mut AnyConnection,
    account: AccountId,
    prospect: ProspectId,
    limit: i64,
) -> QueryResult<Vec<ActivityLine>> {
    lines(conn, account, &LineFilter { prospect: Some(prospect), ..LineFilter::default() }, (limit, 0))
}

/// Which activities a listing shows; `None` means no restriction.
#[derive(Default)]
struct LineFilter<'a> {
    users: Option<Vec<UserId>>,
    counted_by: Option<&'a CountingRule>,
    days: Option<(NaiveDate, NaiveDate)>,
    lead: Option<LeadId>,
    prospect: Option<ProspectId>,
    id: Option<ActivityId>,
}

fn lines(
    conn: &mut AnyConnection,
    account: AccountId,
    filter: &LineFilter,
    (limit, offset): (i64, i64),
) -> QueryResult<Vec<ActivityLine>> {
    let mut query = activities::table
        .inner_join(users::table.on(users::id.eq(activities::user_id)))
        .inner_join(actions::table.on(actions::id.eq(activities::action_id)))
        .inner_join(outcomes::table.on(outcomes::id.eq(activities::outcome_id)))
        .left_join(leads::table.on(leads::id.nullable().eq(activities::lead_id)))
        .left_join(prospects::table.on(prospects::id.nullable().eq(activities::prospect_id)))
        .filter(activities::account_id.eq(account))
        .order((activities::occurred_at.desc(), activities::id.desc()))
        .limit(limit)
        .offset(offset)
        .select((
            ActivityRow::as_select(),
            users::name,
            actions::name,
            outcomes::name,
            leads::title.nullable(),
            prospects::name.nullable(),
        ))
        .into_boxed();
    if let Some(users_in) = &filter.users {
        query = query.filter(activities::user_id.eq_any(users_in.clone()));
    }
    if let Some(rule) = filter.counted_by {
        let subjects: Vec<&str> = rule.subjects().iter().map(|s| s.as_str()).collect();
        query = query
            .filter(activities::outcome_id.eq_any(rule.outcomes().to_vec()))
            .filter(activities::subject_kind.eq_any(subjects));
        if let Some(pipeline) = rule.pipeline() {
            query = query.filter(activities::pipeline_id.eq(pipeline));
        }
    }
    if let Some((start, end)) = filter.days {
        query = query.filter(activities::occurred_on.ge(start)).filter(activities::occurred_on.lt(end));
    }
    if let Some(id) = filter.id {
        query = query.filter(activities::id.eq(id));
    }
    if let Some(lead) = filter.lead {
        query = query.filter(activities::lead_id.eq(lead));
    }
    if let Some(prospect) = filter.prospect {
        query = query.filter(activities::prospect_id.eq(prospect));
    }
    query.load(conn)
}

#[derive(Insertable)]
#[diesel(table_name = activities, treat_none_as_default_value = false)]
struct ActivityInsert<'a> {
    account_id: AccountId,
    user_id: UserId,
    action_id: ActionId,
    outcome_id: OutcomeId,
    subject_kind: &'static str,
    lead_id: Option<LeadId>,
    prospect_id: Option<ProspectId>,
    pipeline_id: Option<PipelineId>,
    occurred_at: NaiveDateTime,
    occurred_on: NaiveDate,
    note: &'a str,
    created_at: NaiveDateTime,
}

/// Rows per multi-row insert: within both backends' limits on bound values.
const ROWS_PER_INSERT: usize = 1000;

/// Inserts many activities in multi-row statements and returns the bucket key of each:
/// the caller counts them (`buckets::add_activities`) in the same transaction.
pub fn insert_many(conn: &mut AnyConnection, new: &[NewActivity]) -> QueryResult<Vec<ActivityKey>> {
    let mut keys = Vec::with_capacity(new.len());
    for chunk in new.chunks(ROWS_PER_INSERT) {
        keys.extend(chunk.iter().map(key_of));
        let rows: Vec<ActivityInsert> = chunk.iter().map(insertable).collect();
        // MultiConnection has no multi-row insert: each backend does its own.
        let table = activities::table;
        match &mut *conn {
            AnyConnection::Sqlite(c) => diesel::insert_into(table).values(&rows).execute(c)?,
            AnyConnection::Pg(c) => diesel::insert_into(table).values(&rows).execute(c)?,
        };
    }
    Ok(keys)
}

/// What `activity` adds to the buckets.
fn key_of(activity: &NewActivity) -> ActivityKey {
    let (subject, pipeline) = match activity.subject {
        Subject::Lead { pipeline, .. } => (SubjectKind::Lead, Some(pipeline)),
        Subject::Prospect(_) => (SubjectKind::Prospect, None),
    };
    ActivityKey {
        account: activity.account,
        user: activity.user,
        outcome: activity.outcome,
        subject,
        pipeline,
        day: activity.occurred_on,
    }
}

fn insertable(activity: &NewActivity) -> ActivityInsert<'_> {
    let (subject, lead, prospect, pipeline) = match activity.subject {
        Subject::Lead { lead, pipeline } => (SubjectKind::Lead, Some(lead), None, Some(pipeline)),
        Subject::Prospect(prospect) => (SubjectKind::Prospect, None, Some(prospect), None),
    };
    ActivityInsert {
        account_id: activity.account,
        user_id: activity.user,
        action_id: activity.action,
        outcome_id: activity.outcome,
        subject_kind: subject.as_str(),
        lead_id: lead,
        prospect_id: prospect,
        pipeline_id: pipeline,
        occurred_at: activity.occurred_at,
        occurred_on: activity.occurred_on,
        note: &activity.note,
        created_at: activity.created_at,
    }
}

/// The activities `rule` counted for `users` over local dates [start, end), latest first,
/// one page at a time: the records behind a figure.
pub fn counted(
    conn: &mut AnyConnection,
    account: AccountId,
    users_in: &[UserId],
    rule: &CountingRule,
    days: (NaiveDate, NaiveDate),
    page: (i64, i64),
) -> QueryResult<Vec<ActivityLine>> {
    let filter = LineFilter {
        users: Some(users_in.to_vec()),
        counted_by: Some(rule),
        days: Some(days),
        ..LineFilter::default()
    };
    lines(conn, account, &filter, page)
}

/// What an API listing of activities may be narrowed to; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    pub user: Option<UserId>,
    pub action: Option<ActionId>,
    pub outcome: Option<OutcomeId>,
    pub lead: Option<LeadId>,
    pub prospect: Option<ProspectId>,
    /// Occurred at or after.
    pub from: Option<NaiveDateTime>,
    /// Occurred before.
    pub until: Option<NaiveDateTime>,
}

/// Up to `limit` activities with ids above `after`, in id order: a cursor's page, stable
/// while activities are added.
pub fn page_after(
    conn: &mut AnyConnection,
    account: AccountId,
    narrowing: &Narrowing,
    after: i64,
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    let mut query = activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::id.gt(after))
        .order(activities::id.asc())
        .limit(limit)
        .select(ActivityRow::as_select())
        .into_boxed();
    if let Some(user) = narrowing.user {
        query = query.filter(activities::user_id.eq(user));
    }
    if let Some(action) = narrowing.action {
        query = query.filter(activities::action_id.eq(action));
    }
    if let Some(outcome) = narrowing.outcome {
        query = query.filter(activities::outcome_id.eq(outcome));
    }
    if let Some(lead) = narrowing.lead {
        query = query.filter(activities::lead_id.eq(lead));
    }
    if let Some(prospect) = narrowing.prospect {
        query = query.filter(activities::prospect_id.eq(prospect));
    }
    if let Some(from) = narrowing.from {
        query = query.filter(activities::occurred_at.ge(from));
    }
    if let Some(until) = narrowing.until {
        query = query.filter(activities::occurred_at.lt(until));
    }
    query.load(conn)
}

/// Puts `new` in place of activity `id`, under the same id: taken out of the buckets as it
/// was, counted as it is now.
pub fn replace(conn: &mut AnyConnection, id: ActivityId, new: &NewActivity) -> QueryResult<Option<ActivityRow>> {
    if delete(conn, new.account, id)?.is_none() {
        return Ok(None);
    }
    diesel::insert_into(activities::table).values((activities::id.eq(id), insertable(new))).execute(conn)?;
    buckets::add_activity(conn, &key_of(new), 1)?;
    find(conn, new.account, id)
}

/// The highest activity id of any account (0: none yet): read off the primary key's index.
/// Under an account's exclusive lock, its rows inserted after this read are those above it.
pub fn last_id(conn: &mut AnyConnection) -> QueryResult<i64> {
    let last: Option<ActivityId> = activities::table.select(diesel::dsl::max(activities::id)).get_result(conn)?;
    Ok(last.map_or(0, |id| id.0))
}
