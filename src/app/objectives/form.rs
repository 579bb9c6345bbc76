//! The objective editor's form: as typed, and checked against the rules (1 and 2) and
//! the account (its actions, results and pipelines), every field's error at once.

use serde::Deserialize;

use crate::app::{Account, Error};
use crate::db::AnyConnection;
use crate::domain::Invalid;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActionId, ObjectiveId, OutcomeId, PipelineId};
use crate::domain::message::Message;
use crate::domain::objective::{self, Context, Measure, ObjectiveKind, SalesMetric};
use crate::domain::period::PeriodKind;
use crate::domain::recording as words;
use crate::store::objectives::{self, ObjectiveData, ObjectiveRow};
use crate::store::{actions, pipelines};

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
    /// Its first and last day, `YYYY-MM-DD`, each optional.
    pub starts_on: String,
    pub ends_on: String,
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
            starts_on: row.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            ends_on: row.ends_on.map(|d| d.to_string()).unwrap_or_default(),
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
pub(super) struct Checked {
    pub data: ObjectiveData,
    pub outcomes: Vec<OutcomeId>,
    pub targets: Vec<(PeriodKind, i64)>,
}

pub(super) fn check(
    conn: &mut AnyConnection,
    account: &Account,
    editing: Option<ObjectiveId>,
    form: &ObjectiveForm,
) -> Result<Checked, Error> {
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
    let dates = match objective::Dates::parse(&form.starts_on, &form.ends_on) {
        Ok(dates) => dates,
        Err(date_errors) => {
            for (field, message) in date_errors.iter() {
                errors.add(field, message.clone());
            }
            objective::Dates::default()
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
            starts_on: dates.starts_on,
            ends_on: dates.ends_on,
        },
        outcomes,
        targets,
    })
}
