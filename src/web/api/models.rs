//! What the JSON API sends and reads: snake_case members, instants in ISO 8601 with the
//! account's offset, figures as decimal strings (money in the account's currency, named
//! beside them). Every shape here is in the OpenAPI document.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SubsecRound};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::Account;

/// An instant stored in UTC, as the account's clock reads it (with its offset), to the
/// microsecond: what both databases keep.
pub fn instant(account: &Account, at: NaiveDateTime) -> DateTime<FixedOffset> {
    at.and_utc().trunc_subsecs(6).with_timezone(&account.calendar().tz()).fixed_offset()
}

/// A whole figure: cents of money as a decimal amount ("1234.50"), a count as it is ("12").
pub fn figure(money: bool, value: i64) -> String {
    if money { rust_decimal::Decimal::new(value, 2).to_string() } else { value.to_string() }
}

/// A reckoned figure (an expectation, a forecast): to the cent for money, to a tenth for a
/// count.
pub fn reckoned(money: bool, value: f64) -> String {
    let shown = if money { format!("{:.2}", value / 100.0) } else { format!("{value:.1}") };
    // "-0.0" reads as a mistake.
    if shown.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
        shown.trim_start_matches('-').to_owned()
    } else {
        shown
    }
}

/// Where a list goes on: `after` the cursor a page gave as `next`, `limit` items (1–500,
/// 100 unless asked).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// The `next` of the page before.
    pub after: Option<String>,
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// `admin`, `manager` or `rep`.
    pub role: String,
    pub active: bool,
    /// Their chosen language (`en`, `it`), if any.
    pub language: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<User>,
    /// The cursor of the next page; none: this is the last.
    pub next: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMember {
    pub user_id: i64,
    pub name: String,
    /// One of the team's managers.
    pub manager: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub members: Vec<TeamMember>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TeamList {
    pub items: Vec<Team>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Pipeline {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PipelineList {
    pub items: Vec<Pipeline>,
}

/// A result of an action ("Reached" for a call, say).
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionResult {
    pub id: i64,
    pub name: String,
    /// Results no longer in use stay, for the activities that name them.
    pub active: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Action {
    pub id: i64,
    pub name: String,
    pub active: bool,
    pub results: Vec<ActionResult>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionList {
    pub items: Vec<Action>,
}

/// An activity to log. Give `lead_id` or `prospect_id`; `action_id` may be left out (the
/// result's own action); `occurred_at` left out is now.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewActivity {
    /// Whose activity it is (left out: the admin who made the token).
    pub user_id: Option<i64>,
    pub action_id: Option<i64>,
    pub result_id: i64,
    pub lead_id: Option<i64>,
    pub prospect_id: Option<i64>,
    /// When it was done, with its offset (`2026-12-03T10:30:00+01:00`); not in the future.
    pub occurred_at: Option<DateTime<FixedOffset>>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// Your own id for it: sent again, it corrects the same activity.
    #[schema(max_length = 200)]
    pub external_id: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityBatch {
    /// 1 to 5,000 activities, logged all or none.
    #[schema(min_items = 1, max_items = 5000)]
    pub activities: Vec<NewActivity>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Activity {
    pub id: i64,
    pub user_id: i64,
    pub action_id: i64,
    pub result_id: i64,
    pub lead_id: Option<i64>,
    pub prospect_id: Option<i64>,
    /// The lead's pipeline when it was logged.
    pub pipeline_id: Option<i64>,
    pub occurred_at: DateTime<FixedOffset>,
    /// The local day it counts on, in the account's time zone.
    pub occurred_on: NaiveDate,
    pub note: String,
    pub created_at: DateTime<FixedOffset>,
    pub external_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityList {
    pub items: Vec<Activity>,
    pub next: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BatchLogged {
    /// How many were new, and how many corrected an activity of the same external id.
    pub created: usize,
    pub updated: usize,
    pub items: Vec<Activity>,
}

/// What an activity listing may be narrowed to.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    pub after: Option<String>,
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    pub user_id: Option<i64>,
    pub action_id: Option<i64>,
    pub result_id: Option<i64>,
    pub lead_id: Option<i64>,
    pub prospect_id: Option<i64>,
    /// Done at or after this instant.
    pub occurred_from: Option<DateTime<FixedOffset>>,
    /// Done before this instant.
    pub occurred_before: Option<DateTime<FixedOffset>>,
}

/// A target in force: per period kind, a decimal string (money in the objective's
/// currency, or a count).
#[derive(Debug, Serialize, ToSchema)]
pub struct Target {
    /// `day`, `week`, `month`, `quarter` or `year`.
    pub period: String,
    pub value: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectiveHolder {
    pub user_id: i64,
    pub name: String,
    pub active: bool,
    /// Their own targets in force now, where they have one.
    pub own_targets: Vec<Target>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectiveTeam {
    pub team_id: i64,
    pub name: String,
    pub targets: Vec<Target>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Objective {
    pub id: i64,
    pub name: String,
    /// `activity` or `sales`.
    pub kind: String,
    /// Sales objectives: `revenue` or `won_count`.
    pub metric: Option<String>,
    /// Activity objectives: the action counted, and the results (none listed: all of them).
    pub action_id: Option<i64>,
    pub result_ids: Vec<i64>,
    /// Activity objectives: every result of the action counts, those added later included.
    pub whole_action: bool,
    /// Activity objectives: `prospects`, `leads` or `both`.
    pub context: Option<String>,
    pub pipeline_id: Option<i64>,
    /// `count` or `money`.
    pub unit: String,
    /// For money: the account's currency.
    pub currency: Option<String>,
    pub periods: Vec<String>,
    pub targets: Vec<Target>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub archived: bool,
    pub created_at: DateTime<FixedOffset>,
    /// Only in an objective read alone.
    pub holders: Option<Vec<ObjectiveHolder>>,
    pub teams: Option<Vec<ObjectiveTeam>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectiveList {
    pub items: Vec<Objective>,
}

/// Which objectives a list shows: running (the default), past their last day, archived.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveState {
    Running,
    Ended,
    Archived,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ObjectiveQuery {
    pub state: Option<ObjectiveState>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodName {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl From<PeriodName> for crate::domain::period::PeriodKind {
    fn from(name: PeriodName) -> Self {
        match name {
            PeriodName::Day => Self::Day,
            PeriodName::Week => Self::Week,
            PeriodName::Month => Self::Month,
            PeriodName::Quarter => Self::Quarter,
            PeriodName::Year => Self::Year,
        }
    }
}

/// Each holder's figures, or each team's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    #[default]
    User,
    Team,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ResultsQuery {
    /// One the objective has targets for (left out: its first).
    pub period: Option<PeriodName>,
    /// A day of the period wanted (left out: today in the account's zone).
    pub date: Option<NaiveDate>,
    pub group_by: Option<GroupBy>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsPeriod {
    pub kind: String,
    /// Its first and last day.
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A holder's (or team's, or everybody's) figures in the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResultLine {
    pub user_id: Option<i64>,
    pub team_id: Option<i64>,
    pub name: String,
    pub achieved: String,
    pub target: String,
    /// Achieved as a percentage of the target.
    pub percent: f64,
    /// What the pace asks for by now.
    pub expected_by_now: String,
    /// Per remaining working day, to reach the target; none once the period has ended.
    pub needed_per_remaining_day: Option<String>,
    /// `reached`, `on_track`, `behind`, `at_risk`, `missed` or `not_held`.
    pub standing: String,
    /// At this pace, the period's end figure; none once it has ended.
    pub forecast: Option<String>,
    /// The target is the holder's own, not the objective's.
    pub own_target: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Results {
    pub objective_id: i64,
    pub period: ResultsPeriod,
    /// `user` or `team`.
    pub group_by: String,
    pub unit: String,
    pub currency: Option<String>,
    pub as_of: DateTime<FixedOffset>,
    pub items: Vec<ResultLine>,
    /// The holders together (grouped by user, with several holders).
    pub total: Option<ResultLine>,
}

/// A lead to create, or (`PATCH`) what to change of one: what is left out stays as it is.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeadInput {
    /// Needed to create one.
    #[schema(max_length = 120)]
    pub title: Option<String>,
    pub pipeline_id: Option<i64>,
    /// Left out: the admin who made the token.
    pub owner_id: Option<i64>,
    /// A decimal string in the account's currency (`"1234.50"`).
    pub amount: Option<String>,
    /// A won lead needs an amount.
    pub status: Option<LeadState>,
    /// When it was won (left out: now, or unchanged).
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub estimated_closing_date: Option<NaiveDate>,
    #[schema(minimum = 0, maximum = 100)]
    pub probability: Option<i32>,
    /// The `version` read before: a save over a newer one is refused (409).
    pub version: Option<i64>,
    /// Your own id for it: sent again to `POST /leads`, it updates the same lead.
    #[schema(max_length = 200)]
    pub external_id: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeadState {
    Todo,
    Standby,
    Won,
    Lost,
    Cancelled,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Win {
    /// What it was won for: a decimal string in the account's currency.
    pub amount: String,
    pub closed_at: Option<DateTime<FixedOffset>>,
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reopen {
    pub version: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Lead {
    pub id: i64,
    pub title: String,
    pub pipeline_id: i64,
    pub owner_id: i64,
    pub amount: Option<String>,
    pub currency: String,
    pub status: LeadState,
    pub closed_at: Option<DateTime<FixedOffset>>,
    /// The local day a win counts on.
    pub closed_on: Option<NaiveDate>,
    /// Who a win is credited to: its owner when it was won.
    pub won_by_id: Option<i64>,
    pub estimated_closing_date: Option<NaiveDate>,
    pub probability: Option<i32>,
    /// How many times it was saved: send it back to refuse saving over a newer version.
    pub version: i64,
    pub created_at: DateTime<FixedOffset>,
    pub external_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadList {
    pub items: Vec<Lead>,
    pub next: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RecordsQuery {
    /// One the objective has targets for (left out: its first).
    pub period: Option<PeriodName>,
    /// A day of the period wanted (left out: today in the account's zone).
    pub date: Option<NaiveDate>,
    /// Only what counted for this holder.
    pub user_id: Option<i64>,
    pub after: Option<String>,
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

/// What counted in the period, latest first: the activities of an activity objective, or
/// the won leads of a sales objective.
#[derive(Debug, Serialize, ToSchema)]
pub struct Records {
    pub objective_id: i64,
    pub period: ResultsPeriod,
    /// `activities` or `wins`: which list is given.
    pub kind: String,
    pub activities: Option<Vec<Activity>>,
    pub wins: Option<Vec<Lead>>,
    pub next: Option<String>,
}
