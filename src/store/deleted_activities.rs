//! Deleted activities, kept for a short while so that a deletion can be undone.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::activities::ActivityRow;
use super::buckets;
use crate::db::AnyConnection;
use crate::db::schema::{activities, deleted_activities};
use crate::domain::ids::{AccountId, ActionId, ActivityId, LeadId, OutcomeId, PipelineId, ProspectId, UserId};
use crate::domain::recording::SubjectKind;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = deleted_activities)]
pub struct DeletedActivity {
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
    pub note: String,
    pub created_at: NaiveDateTime,
    pub deleted_by: UserId,
    pub deleted_at: NaiveDateTime,
}

/// Keeps a copy of `activity`, deleted by `by` at `at`, and forgets the account's copies
/// deleted before `forget_before` (past the undo window), so that copies do not pile up.
pub fn keep(
    conn: &mut AnyConnection,
    activity: &ActivityRow,
    by: UserId,
    at: NaiveDateTime,
    forget_before: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(
        deleted_activities::table
            .filter(deleted_activities::account_id.eq(activity.account_id))
            .filter(deleted_activities::deleted_at.lt(forget_before)),
    )
    .execute(conn)?;
    let copy = DeletedActivity {
        id: activity.id,
        account_id: activity.account_id,
        user_id: activity.user_id,
        action_id: activity.action_id,
        outcome_id: activity.outcome_id,
        subject_kind: activity.subject_kind,
        lead_id: activity.lead_id,
        prospect_id: activity.prospect_id,
        pipeline_id: activity.pipeline_id,
        occurred_at: activity.occurred_at,
        note: activity.note.clone(),
        created_at: activity.created_at,
        deleted_by: by,
        deleted_at: at,
    };
    // A restored activity deleted again replaces its older copy.
    diesel::delete(deleted_activities::table.filter(deleted_activities::id.eq(activity.id))).execute(conn)?;
    diesel::insert_into(deleted_activities::table).values(&copy).execute(conn).map(drop)
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: ActivityId) -> QueryResult<Option<DeletedActivity>> {
    one_in_account!(conn, deleted_activities as DeletedActivity, account, id = id)
}

/// Puts the activity back under its own id, counted on `occurred_on` (its local day in the
/// account's zone now), and forgets the copy. Fails on a foreign key when what it referred
/// to is gone.
pub fn restore(conn: &mut AnyConnection, kept: &DeletedActivity, occurred_on: NaiveDate) -> QueryResult<ActivityRow> {
    diesel::insert_into(activities::table)
        .values((
            activities::id.eq(kept.id),
            activities::account_id.eq(kept.account_id),
            activities::user_id.eq(kept.user_id),
            activities::action_id.eq(kept.action_id),
            activities::outcome_id.eq(kept.outcome_id),
            activities::subject_kind.eq(kept.subject_kind),
            activities::lead_id.eq(kept.lead_id),
            activities::prospect_id.eq(kept.prospect_id),
            activities::pipeline_id.eq(kept.pipeline_id),
            activities::occurred_at.eq(kept.occurred_at),
            activities::occurred_on.eq(occurred_on),
            activities::note.eq(&kept.note),
            activities::created_at.eq(kept.created_at),
        ))
        .execute(conn)?;
    let restored = super::activities::find(conn, kept.account_id, kept.id)?.ok_or(diesel::result::Error::NotFound)?;
    buckets::add_activity(conn, &restored.bucket_key(), 1)?;
    diesel::delete(deleted_activities::table.filter(deleted_activities::id.eq(kept.id))).execute(conn)?;
    Ok(restored)
}
