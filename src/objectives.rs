//! Setting objectives: the editor's checks and writes (rules 1, 2, 3 and 6), archiving, and
//! assignments. Every operation runs in one transaction: nothing is ever half-saved.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::administration;
use crate::change::{ChangeError, invalid};
use crate::db::AnyConnection;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActionId, ObjectiveId, OutcomeId, PipelineId, TeamId, UserId};
use crate::domain::message::Message;
use crate::domain::objective::{self, Context, Measure, ObjectiveKind, SalesMetric};
use crate::domain::period::PeriodKind;
use crate::domain::recording as words;
use crate::store::accounts::{self, AccountRow};
use crate::store::objectives::{self, ObjectiveData, ObjectiveRow};
use crate::store::{actions, is_unique_violation, objective_buckets, pipelines, teams, users};

/// The editor's form, as typed. `outcome_ids` repeats; `all_outcomes` set means the whole
/// action; an empty `pipeline_id` means all pipelines; `period_3`/`target_3` exist only to
/// be refused.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ObjectiveForm {
    pub name: String,
    pub kind: String,
    pub metric: String,
    pub action_id: String,
    pub outcome_ids: Vec<String>,
    pub all_outcomes: String,
    pub context: String,
    pub pipeline_id: String,
    pub period_1: String,
    pub target_1: String,
    pub period_2: String,
    pub target_2: String,
    pub period_3: String,
    pub target_3: String,
    /// How the person writes numbers; set from their language, never from the request body.
    #[serde(skip)]
    pub locale: Locale,
}

impl ObjectiveForm {
    /// An activity objective counting one result of an action, with one or two
    /// `(period, target)` pairs (an empty pair for none).
    pub fn activity(
        name: &str,
        action_id: String,
        outcome_id: String,
        context: &str,
        targets: [(&str, &str); 2],
    ) -> Self {
        Self {
            kind: ObjectiveKind::Activity.as_str().to_owned(),
            action_id,
            outcome_ids: vec![outcome_id],
            context: context.to_owned(),
            ..Self::with_targets(name, targets)
        }
    }

    /// A sales objective: `metric` is revenue or won_count.
    pub fn sales(name: &str, metric: &str, targets: [(&str, &str); 2]) -> Self {
        Self {
            kind: ObjectiveKind::Sales.as_str().to_owned(),
            metric: metric.to_owned(),
            ..Self::with_targets(name, targets)
        }
    }

    fn with_targets(name: &str, [(period_1, target_1), (period_2, target_2)]: [(&str, &str); 2]) -> Self {
        Self {
            name: name.to_owned(),
            period_1: period_1.to_owned(),
            target_1: target_1.to_owned(),
            period_2: period_2.to_owned(),
            target_2: target_2.to_owned(),
            ..Self::default()
        }
    }

    /// The form filled with an objective and the targets in force now.
    pub fn from_objective(
        row: &ObjectiveRow,
        outcomes: &[OutcomeId],
        current: &[(PeriodKind, i64)],
        locale: Locale,
    ) -> Self {
        let measure = row.measure();
        let target = |n: usize| current.get(n).map(|(p, v)| (p.as_str().to_owned(), measure.to_form(locale, *v)));
        let (period_1, target_1) = target(0).unwrap_or_default();
        let (period_2, target_2) = target(1).unwrap_or_default();
        Self {
            name: row.name.clone(),
            kind: row.kind.as_str().to_owned(),
            metric: row.metric.map(|m| m.as_str().to_owned()).unwrap_or_default(),
            action_id: row.action_id.map(|a| a.to_string()).unwrap_or_default(),
            outcome_ids: outcomes.iter().map(ToString::to_string).collect(),
            all_outcomes: if row.whole_action { "1".into() } else { String::new() },
            context: row.context.map(|c| c.as_str().to_owned()).unwrap_or_default(),
            pipeline_id: row.pipeline_id.map(|p| p.to_string()).unwrap_or_default(),
            period_1,
            target_1,
            period_2,
            target_2,
            locale,
            ..Self::default()
        }
    }

    pub fn kind(&self) -> Option<ObjectiveKind> {
        self.kind.parse().ok()
    }

    pub fn whole_action(&self) -> bool {
        !self.all_outcomes.trim().is_empty()
    }
}

/// What a valid form stores.
struct Checked {
    data: ObjectiveData,
    outcomes: Vec<OutcomeId>,
    targets: Vec<(PeriodKind, i64)>,
}

fn check(
    conn: &mut AnyConnection,
    account: &AccountRow,
    editing: Option<ObjectiveId>,
    form: &ObjectiveForm,
) -> Result<Checked, ChangeError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", words::parse_name(&form.name, "name-required"));
    if let Some(name) = &name {
        if objectives::find_by_name(conn, account.id, name)?.is_some_and(|other| Some(other.id) != editing) {
            errors.add("name", Message::new("objective-name-taken").arg("name", name));
        }
    }
    let kind = errors.check("kind", form.kind.parse::<ObjectiveKind>());
    let (mut metric, mut action, mut context, mut outcomes, mut whole_action) = (None, None, None, Vec::new(), false);
    match kind {
        Some(ObjectiveKind::Sales) => metric = errors.check("metric", form.metric.parse::<SalesMetric>()),
        Some(ObjectiveKind::Activity) => {
            context = errors.check("context", form.context.parse::<Context>());
            action = match errors.check("action_id", words::parse_id(&form.action_id, "choose-action")) {
                Some(id) => actions::list(conn, account.id)?.into_iter().find(|a| a.action.id == ActionId(id)),
                None => None,
            };
            match &action {
                None if errors.get("action_id").is_none() => errors.add("action_id", "choose-account-action"),
                None => {}
                Some(chosen) => {
                    let mut chosen_outcomes = Vec::new();
                    for raw in &form.outcome_ids {
                        let Ok(id) = words::parse_id(raw, "choose-result") else { continue };
                        match chosen.outcomes.iter().find(|o| o.id == OutcomeId(id)) {
                            Some(outcome) => chosen_outcomes.push(outcome.id),
                            None => errors.add(
                                "outcome_ids",
                                Message::new("results-of-action-only").arg("action", &chosen.action.name),
                            ),
                        }
                    }
                    chosen_outcomes.sort();
                    chosen_outcomes.dedup();
                    // Every result ticked is the whole action, results added later included.
                    whole_action = form.whole_action()
                        || (!chosen.outcomes.is_empty() && chosen_outcomes.len() == chosen.outcomes.len());
                    if !whole_action && chosen_outcomes.is_empty() && errors.get("outcome_ids").is_none() {
                        errors.add("outcome_ids", "choose-result-or-action");
                    }
                    if !whole_action {
                        outcomes = chosen_outcomes;
                    }
                }
            }
        }
        None => {}
    }
    let pipeline = match form.pipeline_id.trim() {
        "" => None,
        raw => match words::parse_id(raw, "choose-pipeline") {
            Ok(id) => {
                let found = pipelines::find(conn, account.id, PipelineId(id))?.map(|p| p.id);
                if found.is_none() {
                    errors.add("pipeline_id", "choose-pipeline-or-all");
                }
                found
            }
            Err(Invalid(message)) => {
                errors.add("pipeline_id", message);
                None
            }
        },
    };
    let measure = Measure::of(kind.unwrap_or(ObjectiveKind::Activity), metric);
    let targets = match objective::parse_period_targets(
        measure,
        form.locale,
        [(&form.period_1, &form.target_1), (&form.period_2, &form.target_2), (&form.period_3, &form.target_3)],
    ) {
        Ok(targets) => targets,
        Err(target_errors) => {
            for (field, message) in target_errors.iter() {
                errors.add(field, message.clone());
            }
            Vec::new()
        }
    };
    errors.clone().into_result()?;
    let (Some(name), Some(kind)) = (name, kind) else { return Err(errors.into()) };
    Ok(Checked {
        data: ObjectiveData {
            name,
            kind,
            metric,
            action_id: action.map(|a| a.action.id),
            whole_action,
            context,
            pipeline_id: pipeline,
            period_1: targets.first().map_or(PeriodKind::Day, |(p, _)| *p),
            period_2: targets.get(1).map(|(p, _)| *p),
        },
        outcomes,
        targets,
    })
}

pub fn create(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: Option<UserId>,
    form: &ObjectiveForm,
    now: DateTime<Utc>,
) -> Result<ObjectiveId, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let checked = check(conn, account, None, form)?;
        let id = objectives::insert(conn, account.id, &checked.data, now.naive_utc())
            .map_err(|e| duplicate_name(e, &checked.data.name))?;
        administration::record(
            conn,
            account,
            actor,
            "objective created",
            &checked.data.name,
            ("", checked.data.kind.as_str()),
            now,
        )?;
        write_parts(conn, account, actor, id, &checked, now)?;
        objective_buckets::rebuild(conn, id)?;
        Ok(id)
    })
}

pub fn update(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: Option<UserId>,
    id: ObjectiveId,
    form: &ObjectiveForm,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let before = objectives::find(conn, account.id, id)?.ok_or(ChangeError::NotFound)?;
        let outcomes_before = objectives::outcomes(conn, id)?;
        let checked = check(conn, account, Some(id), form)?;
        objectives::update(conn, account.id, id, &checked.data).map_err(|e| duplicate_name(e, &checked.data.name))?;
        administration::record(
            conn,
            account,
            actor,
            "objective changed",
            &checked.data.name,
            (&before.name, &checked.data.name),
            now,
        )?;
        write_parts(conn, account, actor, id, &checked, now)?;
        // Renaming or retargeting keeps the counts; counting other activities recounts them.
        let data = &checked.data;
        let counts_otherwise =
            (&before.kind, before.action_id, before.whole_action, &before.context, before.pipeline_id)
                != (&data.kind, data.action_id, data.whole_action, &data.context, data.pipeline_id)
                || outcomes_before.iter().collect::<BTreeSet<_>>() != checked.outcomes.iter().collect::<BTreeSet<_>>();
        if counts_otherwise {
            objective_buckets::rebuild(conn, id)?;
        }
        Ok(())
    })
}

fn duplicate_name(error: diesel::result::Error, name: &str) -> ChangeError {
    if is_unique_violation(&error) {
        invalid("name", Message::new("objective-name-taken").arg("name", name))
    } else {
        error.into()
    }
}

/// The outcomes, and each target that differs from the one in force: recorded from the
/// start of the current period of its kind (rule 6).
fn write_parts(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: Option<UserId>,
    id: ObjectiveId,
    checked: &Checked,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    objectives::set_outcomes(conn, account.id, id, &checked.outcomes)?;
    let calendar = account.calendar();
    let today = calendar.local_date(now);
    let history = objectives::targets(conn, id)?;
    for (period, value) in &checked.targets {
        let past: Vec<_> =
            history.iter().filter(|t| t.period == *period).map(|t| (t.effective_from, t.value)).collect();
        let from = objective::effective_from(&calendar, *period, today, &past);
        let in_force = objective::target_in_force(&past, from);
        if in_force != Some(*value) {
            objectives::set_target(conn, account.id, id, *period, from, *value, now.naive_utc())?;
            let measure = Measure::of(checked.data.kind, checked.data.metric);
            let shown = |v: i64| measure.display(v, &account.money());
            let from = if from == objective::FROM_THE_START { "the start".to_owned() } else { from.to_string() };
            let subject = format!("{} ({}, from {from})", checked.data.name, period.as_str());
            let before = in_force.map(shown).unwrap_or_default();
            administration::record(conn, account, actor, "target set", &subject, (&before, &shown(*value)), now)?;
        }
    }
    Ok(())
}

/// The targets in force for the current period of each of the objective's periods.
pub fn current_targets(
    conn: &mut AnyConnection,
    account: &AccountRow,
    row: &ObjectiveRow,
    now: DateTime<Utc>,
) -> diesel::QueryResult<Vec<(PeriodKind, i64)>> {
    let calendar = account.calendar();
    let today = calendar.local_date(now);
    let history = objectives::targets(conn, row.id)?;
    Ok(row
        .periods()
        .into_iter()
        .filter_map(|period| {
            let past: Vec<_> =
                history.iter().filter(|t| t.period == period).map(|t| (t.effective_from, t.value)).collect();
            let start = calendar.period_of_date(period, today).start();
            objective::target_in_force(&past, start).map(|value| (period, value))
        })
        .collect())
}

pub fn set_archived(
    conn: &mut AnyConnection,
    account: &AccountRow,
    actor: Option<UserId>,
    id: ObjectiveId,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| {
        let objective = objectives::find(conn, account.id, id)?.ok_or(ChangeError::NotFound)?;
        let at = archived.then(|| now.naive_utc());
        objectives::set_archived(conn, account.id, id, at)?;
        let (action, change) = if archived {
            ("objective archived", ("active", "archived"))
        } else {
            ("objective restored", ("archived", "active"))
        };
        administration::record(conn, account, actor, action, &objective.name, change, now)?;
        Ok(())
    })
}

/// Assigns the objective to the users whose ids were ticked. A user who already holds it
/// refuses the whole change (rule 3); only active users of the account can be chosen.
pub fn assign_users(
    conn: &mut AnyConnection,
    account: &AccountRow,
    id: ObjectiveId,
    user_ids: &[String],
    now: DateTime<Utc>,
) -> Result<usize, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        assignable(conn, account, id)?;
        let mut chosen = Vec::new();
        for raw in user_ids {
            let user = words::parse_id(raw, "a user")
                .ok()
                .and_then(|id| users::find(conn, UserId(id)).transpose())
                .transpose()?
                .filter(|u| u.account_id == account.id && u.active)
                .ok_or_else(|| invalid("user_ids", "choose-active-users"))?;
            if !chosen.iter().any(|c: &crate::store::users::UserRow| c.id == user.id) {
                chosen.push(user);
            }
        }
        if chosen.is_empty() {
            return Err(invalid("user_ids", "choose-one-user"));
        }
        let mut already = Vec::new();
        for user in &chosen {
            if objectives::is_assigned(conn, id, user.id)? {
                already.push(user.name.as_str());
            }
        }
        if !already.is_empty() {
            let message =
                Message::new("objective-already-held").arg("who", already.join(", ")).arg("count", already.len());
            return Err(invalid("user_ids", message));
        }
        for user in &chosen {
            objectives::assign(conn, account.id, id, user.id, now.naive_utc()).map_err(|e| {
                if is_unique_violation(&e) {
                    invalid("user_ids", Message::new("objective-already-held").arg("who", &user.name).arg("count", 1))
                } else {
                    e.into()
                }
            })?;
        }
        Ok(chosen.len())
    })
}

/// Assigns the objective to every active member of a team who does not hold it yet.
pub fn assign_team(
    conn: &mut AnyConnection,
    account: &AccountRow,
    id: ObjectiveId,
    team_id: &str,
    now: DateTime<Utc>,
) -> Result<usize, ChangeError> {
    accounts::change(conn, account.id, |conn| {
        assignable(conn, account, id)?;
        let team = words::parse_id(team_id, "choose-team").map_err(|Invalid(m)| invalid("team_id", m))?;
        let teams = teams::list_with_members(conn, account.id)?;
        let (team, members) = teams
            .into_iter()
            .find(|(t, _)| t.id == TeamId(team))
            .ok_or_else(|| invalid("team_id", "choose-account-team"))?;
        let mut assigned = 0;
        for member in members {
            let active = users::find(conn, member.user_id)?.is_some_and(|u| u.active);
            if active && !objectives::is_assigned(conn, id, member.user_id)? {
                objectives::assign(conn, account.id, id, member.user_id, now.naive_utc())?;
                assigned += 1;
            }
        }
        if assigned == 0 {
            return Err(invalid("team_id", Message::new("objective-held-by-team").arg("team", &team.name)));
        }
        Ok(assigned)
    })
}

pub fn unassign(
    conn: &mut AnyConnection,
    account: &AccountRow,
    id: ObjectiveId,
    user: UserId,
) -> Result<(), ChangeError> {
    accounts::change(conn, account.id, |conn| match objectives::unassign(conn, account.id, id, user)? {
        0 => Err(ChangeError::NotFound),
        _ => Ok(()),
    })
}

/// An archived objective is out of the assignment pickers until restored.
fn assignable(conn: &mut AnyConnection, account: &AccountRow, id: ObjectiveId) -> Result<ObjectiveRow, ChangeError> {
    let objective = objectives::find(conn, account.id, id)?.ok_or(ChangeError::NotFound)?;
    if objective.archived_at.is_some() {
        return Err(invalid("user_ids", "objective-archived"));
    }
    Ok(objective)
}
