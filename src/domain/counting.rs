//! Which activities an activity objective counts, said once: those with one of its results
//! (every result of its action for a "whole action" objective), on its subjects (prospects,
//! leads or both), in its pipeline if it names one. The objective buckets apply `counts` to
//! each activity as it is logged; every read that filters stored activities or activity
//! buckets takes its values from `outcomes`, `subjects` and `pipeline`.

use super::ids::{OutcomeId, PipelineId};
use super::objective::Context;
use super::recording::SubjectKind;

/// What a counting rule reads of one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Countable {
    pub outcome: OutcomeId,
    pub subject: SubjectKind,
    /// The lead's pipeline; none for an activity on a prospect.
    pub pipeline: Option<PipelineId>,
}

/// One activity objective's counting rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountingRule {
    /// Ascending, without repeats.
    outcomes: Vec<OutcomeId>,
    subjects: &'static [SubjectKind],
    pipeline: Option<PipelineId>,
}

impl CountingRule {
    /// The rule counting `outcomes` (already resolved from "the whole action") on the
    /// subjects of `context`, in `pipeline` or in any.
    pub fn new(outcomes: impl IntoIterator<Item = OutcomeId>, context: Context, pipeline: Option<PipelineId>) -> Self {
        let mut outcomes: Vec<OutcomeId> = outcomes.into_iter().collect();
        outcomes.sort_unstable();
        outcomes.dedup();
        Self { outcomes, subjects: context.subjects(), pipeline }
    }

    /// A rule that counts nothing: a sales objective's, or one whose definition is missing.
    pub fn nothing() -> Self {
        Self { outcomes: Vec::new(), subjects: &[], pipeline: None }
    }

    /// Whether the rule counts an activity of this kind.
    pub fn counts(&self, activity: &Countable) -> bool {
        self.outcomes.binary_search(&activity.outcome).is_ok()
            && self.subjects.contains(&activity.subject)
            && self.pipeline.is_none_or(|p| activity.pipeline == Some(p))
    }

    /// The same rule narrowed to one of its results (the detail page's split by result).
    pub fn only(&self, outcome: OutcomeId) -> Self {
        let outcomes = if self.outcomes.contains(&outcome) { vec![outcome] } else { Vec::new() };
        Self { outcomes, ..self.clone() }
    }

    /// Whether no activity can count (no result, or no subject).
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty() || self.subjects.is_empty()
    }

    pub fn outcomes(&self) -> &[OutcomeId] {
        &self.outcomes
    }

    pub fn subjects(&self) -> &'static [SubjectKind] {
        self.subjects
    }

    /// The pipeline activities must be in; `None`: any, and activities on prospects too.
    pub fn pipeline(&self) -> Option<PipelineId> {
        self.pipeline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALL_REACHED: OutcomeId = OutcomeId(1);
    const CALL_VOICEMAIL: OutcomeId = OutcomeId(2);
    const SALES: PipelineId = PipelineId(7);

    fn on(outcome: OutcomeId, subject: SubjectKind, pipeline: Option<PipelineId>) -> Countable {
        Countable { outcome, subject, pipeline }
    }

    #[test]
    fn only_the_chosen_results_count() {
        let rule = CountingRule::new([CALL_REACHED], Context::Both, None);
        assert!(rule.counts(&on(CALL_REACHED, SubjectKind::Prospect, None)));
        assert!(!rule.counts(&on(CALL_VOICEMAIL, SubjectKind::Prospect, None)));
    }

    #[test]
    fn the_context_picks_the_subjects() {
        let leads = CountingRule::new([CALL_REACHED], Context::Leads, None);
        assert!(leads.counts(&on(CALL_REACHED, SubjectKind::Lead, Some(SALES))));
        assert!(!leads.counts(&on(CALL_REACHED, SubjectKind::Prospect, None)));
        let prospects = CountingRule::new([CALL_REACHED], Context::Prospects, None);
        assert!(!prospects.counts(&on(CALL_REACHED, SubjectKind::Lead, Some(SALES))));
    }

    #[test]
    fn a_pipeline_leaves_out_other_pipelines_and_prospects() {
        let rule = CountingRule::new([CALL_REACHED], Context::Both, Some(SALES));
        assert!(rule.counts(&on(CALL_REACHED, SubjectKind::Lead, Some(SALES))));
        assert!(!rule.counts(&on(CALL_REACHED, SubjectKind::Lead, Some(PipelineId(8)))));
        assert!(!rule.counts(&on(CALL_REACHED, SubjectKind::Prospect, None)));
    }

    #[test]
    fn narrowing_to_a_result_keeps_the_rest_of_the_rule() {
        let rule = CountingRule::new([CALL_VOICEMAIL, CALL_REACHED, CALL_REACHED], Context::Leads, Some(SALES));
        assert_eq!(rule.outcomes(), [CALL_REACHED, CALL_VOICEMAIL]);
        let reached = rule.only(CALL_REACHED);
        assert_eq!(
            (reached.outcomes(), reached.subjects(), reached.pipeline()),
            (&[CALL_REACHED][..], &[SubjectKind::Lead][..], Some(SALES))
        );
        assert!(rule.only(OutcomeId(99)).is_empty(), "a result the rule does not count");
        assert!(CountingRule::nothing().is_empty());
    }
}
