//! Objectives, the outcomes they count, their target history and their assignments.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::db::schema::{assignments, objective_outcomes, objective_targets, objectives, users};
use crate::db::{self, AnyConnection};
use crate::domain::ids::{AccountId, ActionId, ObjectiveId, OutcomeId, PipelineId, UserId};
use crate::domain::objective::{Context, Dates, Measure, ObjectiveKind, SalesMetric};
use crate::domain::period::PeriodKind;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = objectives)]
pub struct ObjectiveRow {
    pub id: ObjectiveId,
    pub account_id: AccountId,
    pub name: String,
    pub kind: ObjectiveKind,
    pub metric: Option<SalesMetric>,
    pub action_id: Option<ActionId>,
    pub whole_action: bool,
    pub context: Option<Context>,
    pub pipeline_id: Option<PipelineId>,
    pub period_1: PeriodKind,
    pub period_2: Option<PeriodKind>,
    pub archived_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl ObjectiveRow {
    pub fn kind(&self) -> ObjectiveKind {
        self.kind
    }

    pub fn metric(&self) -> Option<SalesMetric> {
        self.metric
    }

    pub fn context(&self) -> Option<Context> {
        self.context
    }

    pub fn measure(&self) -> Measure {
        Measure::of(self.kind(), self.metric())
    }

    /// Its first and last day, when it has them.
    pub fn dates(&self) -> Dates {
        Dates { starts_on: self.starts_on, ends_on: self.ends_on }
    }

    /// The one or two periods the objective has targets for, in the order given.
    pub fn periods(&self) -> Vec<PeriodKind> {
        [Some(self.period_1), self.period_2].into_iter().flatten().collect()
    }
}

/// Every field the editor sets.
#[derive(Debug, Clone, AsChangeset, Insertable)]
#[diesel(table_name = objectives, treat_none_as_null = true)]
pub struct ObjectiveData {
    pub name: String,
    pub kind: ObjectiveKind,
    pub metric: Option<SalesMetric>,
    pub action_id: Option<ActionId>,
    pub whole_action: bool,
    pub context: Option<Context>,
    pub pipeline_id: Option<PipelineId>,
    pub period_1: PeriodKind,
    pub period_2: Option<PeriodKind>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

/// One entry of a target's history.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = objective_targets)]
pub struct TargetRow {
    pub period: PeriodKind,
    pub effective_from: NaiveDate,
    pub value: i64,
    pub set_at: NaiveDateTime,
}

/// An objective as the list shows it, with how many hold it.
#[derive(Debug, Clone)]
pub struct ObjectiveLine {
    pub objective: ObjectiveRow,
    pub assignees: i64,
}

/// Someone holding an objective.
#[derive(Debug, Clone, Queryable)]
pub struct Holder {
    pub user_id: UserId,
    pub name: String,
    pub active: bool,
    /// When they began to hold the objective: pace counts from then.
    pub since: NaiveDateTime,
}

pub fn insert(
    conn: &mut AnyConnection,
    account: AccountId,
    data: &ObjectiveData,
    now: NaiveDateTime,
) -> QueryResult<ObjectiveId> {
    diesel::insert_into(objectives::table)
        .values((data, objectives::account_id.eq(account), objectives::created_at.eq(now)))
        .execute(conn)?;
    Ok(ObjectiveId(db::last_insert_id(conn)?))
}

pub fn update(
    conn: &mut AnyConnection,
    account: AccountId,
    id: ObjectiveId,
    data: &ObjectiveData,
) -> QueryResult<usize> {
    diesel::update(objectives::table.filter(objectives::account_id.eq(account)).filter(objectives::id.eq(id)))
        .set(data)
        .execute(conn)
}

pub fn set_archived(
    conn: &mut AnyConnection,
    account: AccountId,
    id: ObjectiveId,
    at: Option<NaiveDateTime>,
) -> QueryResult<usize> {
    diesel::update(objectives::table.filter(objectives::account_id.eq(account)).filter(objectives::id.eq(id)))
        .set(objectives::archived_at.eq(at))
        .execute(conn)
}

pub fn find(conn: &mut AnyConnection, account: AccountId, id: ObjectiveId) -> QueryResult<Option<ObjectiveRow>> {
    one_in_account!(conn, objectives as ObjectiveRow, account, id = id)
}

pub fn find_by_name(conn: &mut AnyConnection, account: AccountId, name: &str) -> QueryResult<Option<ObjectiveRow>> {
    one_in_account!(conn, objectives as ObjectiveRow, account, name = name)
}

/// The account's objectives, active or archived, by name, with their assignee counts.
pub fn list(conn: &mut AnyConnection, account: AccountId, archived: bool) -> QueryResult<Vec<ObjectiveLine>> {
    let mut query = objectives::table
        .filter(objectives::account_id.eq(account))
        .order((objectives::name.asc(), objectives::id.asc()))
        .select((
            ObjectiveRow::as_select(),
            sql::<BigInt>("(SELECT CAST(COUNT(*) AS BIGINT) FROM assignments a WHERE a.objective_id = objectives.id)"),
        ))
        .into_boxed();
    query = if archived {
        query.filter(objectives::archived_at.is_not_null())
    } else {
        query.filter(objectives::archived_at.is_null())
    };
    let rows: Vec<(ObjectiveRow, i64)> = query.load(conn)?;
    Ok(rows.into_iter().map(|(objective, assignees)| ObjectiveLine { objective, assignees }).collect())
}

/// The outcomes an activity objective counts (when it is not the whole action).
pub fn outcomes(conn: &mut AnyConnection, id: ObjectiveId) -> QueryResult<Vec<OutcomeId>> {
    objective_outcomes::table
        .filter(objective_outcomes::objective_id.eq(id))
        .order(objective_outcomes::outcome_id.asc())
        .select(objective_outcomes::outcome_id)
        .load(conn)
}

pub fn set_outcomes(
    conn: &mut AnyConnection,
    account: AccountId,
    id: ObjectiveId,
    outcomes: &[OutcomeId],
) -> QueryResult<()> {
    diesel::delete(objective_outcomes::table.filter(objective_outcomes::objective_id.eq(id))).execute(conn)?;
    for outcome in outcomes {
        diesel::insert_into(objective_outcomes::table)
            .values((
                objective_outcomes::account_id.eq(account),
                objective_outcomes::objective_id.eq(id),
                objective_outcomes::outcome_id.eq(*outcome),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Every target ever set for the objective, by period then date.
pub fn targets(conn: &mut AnyConnection, id: ObjectiveId) -> QueryResult<Vec<TargetRow>> {
    objective_targets::table
        .filter(objective_targets::objective_id.eq(id))
        .order((objective_targets::period.asc(), objective_targets::effective_from.asc()))
        .select(TargetRow::as_select())
        .load(conn)
}

/// Records `value` for `period` from `effective_from`, replacing a target set earlier in
/// the same period.
pub fn set_target(
    conn: &mut AnyConnection,
    account: AccountId,
    id: ObjectiveId,
    period: PeriodKind,
    effective_from: NaiveDate,
    value: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(
        objective_targets::table
            .filter(objective_targets::objective_id.eq(id))
            .filter(objective_targets::period.eq(period.as_str()))
            .filter(objective_targets::effective_from.eq(effective_from)),
    )
    .execute(conn)?;
    diesel::insert_into(objective_targets::table)
        .values((
            objective_targets::account_id.eq(account),
            objective_targets::objective_id.eq(id),
            objective_targets::period.eq(period.as_str()),
            objective_targets::effective_from.eq(effective_from),
            objective_targets::value.eq(value),
            objective_targets::set_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

/// Who holds the objective, by name.
pub fn holders(conn: &mut AnyConnection, id: ObjectiveId) -> QueryResult<Vec<Holder>> {
    assignments::table
        .inner_join(users::table)
        .filter(assignments::objective_id.eq(id))
        .order(users::name.asc())
        .select((users::id, users::name, users::active, assignments::created_at))
        .load(conn)
}

pub fn is_assigned(conn: &mut AnyConnection, id: ObjectiveId, user: UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        assignments::table.filter(assignments::objective_id.eq(id)).filter(assignments::user_id.eq(user)),
    ))
    .get_result(conn)
}

pub fn assign(
    conn: &mut AnyConnection,
    account: AccountId,
    id: ObjectiveId,
    user: UserId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(assignments::table)
        .values((
            assignments::account_id.eq(account),
            assignments::objective_id.eq(id),
            assignments::user_id.eq(user),
            assignments::created_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

pub fn unassign(conn: &mut AnyConnection, account: AccountId, id: ObjectiveId, user: UserId) -> QueryResult<usize> {
    diesel::delete(
        assignments::table
            .filter(assignments::account_id.eq(account))
            .filter(assignments::objective_id.eq(id))
            .filter(assignments::user_id.eq(user)),
    )
    .execute(conn)
}

/// How many active (not archived) objectives each user of the account holds.
pub fn active_counts(conn: &mut AnyConnection, account: AccountId) -> QueryResult<Vec<(UserId, i64)>> {
    assignments::table
        .inner_join(objectives::table)
        .filter(assignments::account_id.eq(account))
        .filter(objectives::archived_at.is_null())
        .group_by(assignments::user_id)
        .select((assignments::user_id, sql::<BigInt>("CAST(COUNT(*) AS BIGINT)")))
        .load(conn)
}

/// The active objectives `user` holds, by name, each with when they began to hold it.
pub fn held_by(
    conn: &mut AnyConnection,
    account: AccountId,
    user: UserId,
) -> QueryResult<Vec<(ObjectiveRow, NaiveDateTime)>> {
    objectives::table
        .inner_join(assignments::table)
        .filter(objectives::account_id.eq(account))
        .filter(assignments::user_id.eq(user))
        .filter(objectives::archived_at.is_null())
        .order((objectives::name.asc(), objectives::id.asc()))
        .select((ObjectiveRow::as_select(), assignments::created_at))
        .load(conn)
}
