//! Activities, each counted in the period buckets from the moment it is written.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::buckets::{self, ActivityKey};
use super::ids::{AccountId, ActionId, ActivityId, LeadId, OutcomeId, PipelineId, ProspectId, UserId};
use crate::db::schema::{actions, activities, leads, outcomes, prospects, users};
use crate::db::{self, AnyConnection};
use crate::domain::recording::SubjectKind;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = activities)]
pub struct ActivityRow {
    pub id: ActivityId,
    pub account_id: AccountId,
    pub user_id: UserId,
    pub action_id: ActionId,
    pub outcome_id: OutcomeId,
    pub subject_kind: String,
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

pub fn insert(conn: &mut AnyConnection, new: &NewActivity) -> QueryResult<ActivityRow> {
    let key = insert_uncounted(conn, new)?;
    // Read before the bucket upsert, which is an insert too.
    let id = ActivityId(db::last_insert_id(conn)?);
    buckets::add_activity(conn, &key, 1)?;
    find(conn, new.account, id)?.ok_or(diesel::result::Error::NotFound)
}

/// Inserts the row only, returning the bucket key the caller must count it in (bulk
/// imports add up their keys and update each bucket once).
pub fn insert_uncounted(conn: &mut AnyConnection, new: &NewActivity) -> QueryResult<ActivityKey> {
    let (subject_kind, lead, prospect, pipeline) = match new.subject {
        Subject::Lead { lead, pipeline } => (SubjectKind::Lead, Some(lead), None, Some(pipeline)),
        Subject::Prospect(prospect) => (SubjectKind::Prospect, None, Some(prospect), None),
    };
    diesel::insert_into(activities::table)
        .values((
            activities::account_id.eq(new.account),
            activities::user_id.eq(new.user),
            activities::action_id.eq(new.action),
            activities::outcome_id.eq(new.outcome),
            activities::subject_kind.eq(subject_kind.as_str()),
            activities::lead_id.eq(lead),
            activities::prospect_id.eq(prospect),
            activities::pipeline_id.eq(pipeline),
            activities::occurred_at.eq(new.occurred_at),
            activities::occurred_on.eq(new.occurred_on),
            activities::note.eq(&new.note),
            activities::created_at.eq(new.created_at),
        ))
        .execute(conn)?;
    Ok(ActivityKey {
        account: new.account,
        user: new.user,
        outcome: new.outcome,
        subject: subject_kind,
        pipeline,
        day: new.occurred_on,
    })
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: ActivityId) -> QueryResult<Option<ActivityRow>> {
    activities::table
        .filter(activities::account_id.eq(account))
        .filter(activities::id.eq(id))
        .select(ActivityRow::as_select())
        .first(conn)
        .optional()
}

/// Deletes one activity and takes it out of the buckets.
pub fn delete(conn: &mut AnyConnection, account: AccountId, id: ActivityId) -> QueryResult<Option<ActivityRow>> {
    let Some(activity) = find(conn, account, id)? else { return Ok(None) };
    diesel::delete(activities::table.filter(activities::id.eq(activity.id))).execute(conn)?;
    buckets::add_activity(conn, &activity.bucket_key(), -1)?;
    Ok(Some(activity))
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
    if let Some(user) = user {
        query = query.filter(activities::user_id.eq(user));
    }
    query.load(conn)
}
