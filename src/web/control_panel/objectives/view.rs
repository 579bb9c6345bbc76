//! What the objectives editor's pages show: their models, and the words for what an
//! objective counts and for its target history.

use askama::Template;

use super::HERE;
use crate::app::User;
use crate::app::objectives::ObjectiveForm;
use crate::app::objectives::pages::{Objective, Shelf, Target, Team};
use crate::app::sales_process::actions::ActionWithOutcomes;
use crate::app::sales_process::pipelines::Pipeline;
use crate::domain::account::Locale;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, OutcomeId, UserId};
use crate::domain::money::MoneyStyle;
use crate::domain::objective::{Context, FROM_THE_START, Measure, ObjectiveKind, SalesMetric};
use crate::domain::period::{Calendar, PeriodKind};
use crate::web::error::Refused;
use crate::web::i18n::filters;
use crate::web::layout::Layout;

/// An objective as the list shows it.
pub struct ObjectiveItem {
    pub id: ObjectiveId,
    pub name: String,
    pub kind: ObjectiveKind,
    pub counts: String,
    pub pipeline: String,
    pub targets: String,
    pub assignees: String,
    /// Its dates as a sentence; empty without.
    pub dates: String,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/list.html")]
pub(super) struct ListPage {
    pub(super) layout: Layout,
    pub(super) objectives: Vec<ObjectiveItem>,
    pub(super) shelf: Shelf,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/form.html")]
pub(super) struct FormPage {
    pub(super) layout: Layout,
    /// None: a new objective.
    pub(super) objective: Option<ObjectiveId>,
    pub(super) form: ObjectiveForm,
    pub(super) errors: FieldErrors,
    pub(super) actions: Vec<ActionWithOutcomes>,
    pub(super) pipelines: Vec<Pipeline>,
    pub(super) periods: &'static [PeriodKind],
    pub(super) kinds: &'static [ObjectiveKind],
    pub(super) metrics: &'static [SalesMetric],
    pub(super) contexts: &'static [Context],
    pub(super) currency: String,
}

impl FormPage {
    fn is_activity(&self) -> bool {
        self.form.kind() != Some(ObjectiveKind::Sales)
    }

    /// The active results of the chosen action, and whether each is ticked.
    fn outcome_choices(&self) -> Vec<(String, String, bool)> {
        self.actions
            .iter()
            .find(|a| a.action.id.to_string() == self.form.action_id.trim())
            .map(|a| {
                a.outcomes
                    .iter()
                    .filter(|o| o.active)
                    .map(|o| {
                        let id = o.id.to_string();
                        let ticked = self.form.outcome_ids.contains(&id);
                        (id, o.name.clone(), ticked)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn target_rows(&self) -> [TargetInput<'_>; 2] {
        [
            TargetInput {
                first: true,
                period_field: "period_1",
                target_field: "target_1",
                period: &self.form.period_1,
                target: &self.form.target_1,
            },
            TargetInput {
                first: false,
                period_field: "period_2",
                target_field: "target_2",
                period: &self.form.period_2,
                target: &self.form.target_2,
            },
        ]
    }

    /// (field, label, as typed) of the first and last day.
    fn date_fields(&self) -> [(&'static str, &'static str, &str); 2] {
        [("starts_on", "cp-starts-on", &self.form.starts_on), ("ends_on", "cp-ends-on", &self.form.ends_on)]
    }

    fn form_url(&self) -> String {
        match self.objective {
            Some(id) => format!("{HERE}/{id}/edit"),
            None => format!("{HERE}/new"),
        }
    }
}

/// One (period, target) pair of the editor.
pub struct TargetInput<'a> {
    pub first: bool,
    pub period_field: &'static str,
    pub target_field: &'static str,
    pub period: &'a str,
    pub target: &'a str,
}

pub struct HolderItem {
    pub user_id: UserId,
    pub name: String,
    pub active: bool,
    pub objectives: i64,
    /// Their own targets in force now, in words (empty: the objective's).
    pub own_targets: String,
}

/// A team holding the objective, and its targets now in words.
pub struct TeamItem {
    pub id: crate::domain::ids::TeamId,
    pub name: String,
    pub targets: String,
}

#[derive(Template)]
#[template(path = "control_panel/objectives/show.html")]
pub(super) struct ShowPage {
    pub(super) layout: Layout,
    pub(super) objective: Objective,
    pub(super) counts: String,
    pub(super) pipeline: String,
    pub(super) history: Vec<(String, String, String, String)>,
    pub(super) holders: Vec<HolderItem>,
    pub(super) team_holders: Vec<TeamItem>,
    /// (field, label, as typed) of each period kind's team target.
    pub(super) team_fields: Vec<(&'static str, String, String)>,
    pub(super) team_id: String,
    pub(super) team_errors: FieldErrors,
    /// Its dates as a sentence; empty without.
    pub(super) dates: String,
    /// Its results, at their last day for an ended one.
    pub(super) results_url: String,
    pub(super) users: Vec<User>,
    pub(super) teams: Vec<Team>,
    pub(super) assign_error: Option<Refused>,
    pub(super) too_many: usize,
}

impl ShowPage {
    fn holds(&self, user: &UserId) -> bool {
        self.holders.iter().any(|h| h.user_id == *user)
    }

    fn overloaded(&self) -> Vec<&HolderItem> {
        self.holders.iter().filter(|h| h.objectives > self.too_many as i64).collect()
    }
}

/// What an objective counts, in words.
pub(super) fn describe(
    locale: Locale,
    objective: &Objective,
    outcomes: &[OutcomeId],
    catalogue: &[ActionWithOutcomes],
) -> String {
    match objective.kind() {
        ObjectiveKind::Sales => {
            objective.metric().map_or(String::new(), |m| crate::i18n::lookup(locale, m.label_key(), &[]))
        }
        ObjectiveKind::Activity => {
            let action = catalogue.iter().find(|a| Some(a.action.id) == objective.action_id);
            let Some(action) = action else { return String::new() };
            let results = if objective.whole_action {
                crate::i18n::lookup(locale, "cp-all-results", &[])
            } else {
                action
                    .outcomes
                    .iter()
                    .filter(|o| outcomes.contains(&o.id))
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let context =
                objective.context().map_or(String::new(), |c| crate::i18n::lookup(locale, c.label_key(), &[]));
            let action = action.action.name.as_str();
            crate::i18n::lookup(
                locale,
                "cp-counts-activity",
                &[("action", action), ("results", &results), ("context", &context)],
            )
        }
    }
}

pub(super) fn pipeline_name(locale: Locale, objective: &Objective, pipelines: &[Pipeline]) -> String {
    objective
        .pipeline_id
        .and_then(|id| pipelines.iter().find(|p| p.id == id))
        .map_or_else(|| crate::i18n::lookup(locale, "cp-all-pipelines", &[]), |p| p.name.clone())
}

/// "Month: €100,000.00 · Quarter: €280,000.00".
pub(super) fn period_targets(
    locale: Locale,
    measure: Measure,
    money: &MoneyStyle,
    targets: &[(PeriodKind, i64)],
) -> String {
    targets
        .iter()
        .map(|(period, value)| {
            let period = crate::i18n::lookup(locale, period.label_key(), &[]);
            let target = measure.display(*value, money);
            crate::i18n::lookup(locale, "cp-period-target", &[("period", &period), ("target", &target)])
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// (period, from, value, set on) per history entry, for reading.
pub(super) fn history_lines(
    locale: Locale,
    calendar: &Calendar,
    history: &[Target],
    measure: Measure,
    money: &MoneyStyle,
) -> Vec<(String, String, String, String)> {
    history
        .iter()
        .map(|t| {
            let period = crate::i18n::lookup(locale, t.period.label_key(), &[]);
            (
                period,
                if t.effective_from == FROM_THE_START {
                    crate::i18n::lookup(locale, "cp-from-the-start", &[])
                } else {
                    crate::i18n::date(locale, t.effective_from)
                },
                measure.display(t.value, money),
                crate::i18n::date(locale, calendar.local_date(t.set_at.and_utc())),
            )
        })
        .collect()
}
