//! The counting rule of each stored activity objective (archived ones too, so that their
//! pages stay right), read from its definition: its action's results, all or those chosen,
//! its context and its pipeline.

use std::collections::BTreeMap;

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{objective_outcomes, objectives, outcomes};
use crate::domain::counting::CountingRule;
use crate::domain::ids::{AccountId, ObjectiveId, OutcomeId, PipelineId};
use crate::domain::objective::{Context, ObjectiveKind};

/// Whose rules to read.
#[derive(Debug, Clone, Copy)]
pub enum RulesOf {
    Account(AccountId),
    Objective(ObjectiveId),
    /// Every account's (verification).
    Everyone,
}

/// An activity objective's counting rule, and the account it counts in.
#[derive(Debug, Clone)]
pub struct ObjectiveRule {
    pub account: AccountId,
    pub rule: CountingRule,
}

/// The rules of the activity objectives asked for. An objective that counts no result
/// (its action has none) is left out: callers take `CountingRule::nothing` for it.
///
/// Built with the query builder, one static shape per case, so that each connection
/// prepares it once: it runs with every activity logged.
pub fn load(conn: &mut AnyConnection, of: RulesOf) -> QueryResult<BTreeMap<ObjectiveId, ObjectiveRule>> {
    let rows = || {
        let chosen = objective_outcomes::table
            .filter(objective_outcomes::objective_id.eq(objectives::id))
            .filter(objective_outcomes::outcome_id.eq(outcomes::id));
        objectives::table
            .inner_join(
                outcomes::table.on(outcomes::account_id
                    .eq(objectives::account_id)
                    .and(objectives::action_id.eq(outcomes::action_id.nullable()))),
            )
            .filter(objectives::kind.eq(ObjectiveKind::Activity.as_str()))
            .filter(objectives::whole_action.or(diesel::dsl::exists(chosen)))
            .select((
                objectives::id,
                objectives::account_id,
                outcomes::id,
                objectives::context,
                objectives::pipeline_id,
            ))
    };
    let rows: Vec<CountedOutcome> = match of {
        RulesOf::Account(account) => rows().filter(objectives::account_id.eq(account)).load(conn)?,
        RulesOf::Objective(objective) => rows().filter(objectives::id.eq(objective)).load(conn)?,
        RulesOf::Everyone => rows().load(conn)?,
    };
    let mut definitions: BTreeMap<ObjectiveId, Definition> = BTreeMap::new();
    for row in rows {
        let definition = definitions.entry(row.objective).or_insert_with(|| Definition {
            account: row.account,
            outcomes: Vec::new(),
            context: row.context,
            pipeline: row.pipeline,
        });
        definition.outcomes.push(row.outcome);
    }
    Ok(definitions
        .into_iter()
        .map(|(objective, Definition { account, outcomes, context, pipeline })| {
            let rule = context.map_or_else(CountingRule::nothing, |c| CountingRule::new(outcomes, c, pipeline));
            (objective, ObjectiveRule { account, rule })
        })
        .collect())
}

/// What an objective's rows say of its rule.
struct Definition {
    account: AccountId,
    outcomes: Vec<OutcomeId>,
    context: Option<Context>,
    pipeline: Option<PipelineId>,
}

/// One result an objective counts, with the rest of its definition.
#[derive(Queryable)]
struct CountedOutcome {
    objective: ObjectiveId,
    account: AccountId,
    outcome: OutcomeId,
    context: Option<Context>,
    pipeline: Option<PipelineId>,
}
