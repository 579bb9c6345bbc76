//! Creating and changing objectives (rules 1, 2 and 6), archiving and restoring them. Each
//! runs in one transaction: nothing is ever half-saved, and changing what an objective
//! counts recounts its totals in the same breath.

use super::form::{Checked, ObjectiveForm, check};
use crate::app::audit::{self, Event};
use crate::app::{Account, Actor, Cx, Error, invalid};
use crate::domain::counting::CountingRule;
use crate::domain::ids::ObjectiveId;
use crate::domain::message::Message;
use crate::domain::objective;
use crate::domain::period::PeriodKind;
use crate::store::counting_rules::{self, RulesOf};
use crate::store::objectives::{self, ObjectiveRow};
use crate::store::{buckets, is_unique_violation};

pub fn create(cx: &mut Cx, actor: &Actor, form: &ObjectiveForm) -> Result<ObjectiveId, Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let checked = check(cx.conn, &actor.account, None, form)?;
        let id = objectives::insert(cx.conn, account, &checked.data, cx.now.naive_utc())
            .map_err(|e| duplicate_name(e, &checked.data.name))?;
        let event = Event::ObjectiveCreated { name: checked.data.name.clone(), kind: checked.data.kind };
        audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        write_parts(cx, actor, id, &checked)?;
        buckets::rebuild_objective(cx.conn, account, id)?;
        Ok(id)
    })
}

pub fn update(cx: &mut Cx, actor: &Actor, id: ObjectiveId, form: &ObjectiveForm) -> Result<(), Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let before = objectives::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
        let counted_before = counting_rule(cx, id)?;
        let checked = check(cx.conn, &actor.account, Some(id), form)?;
        objectives::update(cx.conn, account, id, &checked.data).map_err(|e| duplicate_name(e, &checked.data.name))?;
        let event = Event::ObjectiveChanged { name: checked.data.name.clone(), before_name: before.name.clone() };
        audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        write_parts(cx, actor, id, &checked)?;
        // Renaming or retargeting keeps the counts; counting other activities recounts them.
        if counting_rule(cx, id)? != counted_before {
            buckets::rebuild_objective(cx.conn, account, id)?;
        }
        Ok(())
    })
}

/// Which activities the objective counts as stored; none for a sales objective.
fn counting_rule(cx: &mut Cx, id: ObjectiveId) -> Result<Option<CountingRule>, Error> {
    Ok(counting_rules::load(cx.conn, RulesOf::Objective(id))?.remove(&id).map(|counted| counted.rule))
}

fn duplicate_name(error: diesel::result::Error, name: &str) -> Error {
    if is_unique_violation(&error) {
        invalid("name", Message::new("objective-name-taken").arg("name", name))
    } else {
        error.into()
    }
}

/// The outcomes, and each target that differs from the one in force: the first of its
/// period kind from the start, a change from the start of the current period (rule 6).
fn write_parts(cx: &mut Cx, actor: &Actor, id: ObjectiveId, checked: &Checked) -> Result<(), Error> {
    let account = actor.account_id();
    objectives::set_outcomes(cx.conn, account, id, &checked.outcomes)?;
    let calendar = actor.account.calendar();
    let today = calendar.local_date(cx.now);
    let history = objectives::targets(cx.conn, id)?;
    for (period, value) in &checked.targets {
        let past: Vec<_> =
            history.iter().filter(|t| t.period == *period).map(|t| (t.effective_from, t.value)).collect();
        let from = objective::effective_from(&calendar, *period, today, &past);
        let in_force = objective::target_in_force(&past, from);
        if in_force != Some(*value) {
            objectives::set_target(cx.conn, account, id, *period, from, *value, cx.now.naive_utc())?;
            let event = Event::TargetSet {
                objective: checked.data.name.clone(),
                kind: checked.data.kind,
                metric: checked.data.metric,
                period: *period,
                from: (from != objective::FROM_THE_START).then_some(from),
                before: in_force,
                after: *value,
            };
            audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        }
    }
    Ok(())
}

/// The targets in force for the current period of each of the objective's periods.
pub(crate) fn current_targets(
    cx: &mut Cx,
    account: &Account,
    row: &ObjectiveRow,
) -> Result<Vec<(PeriodKind, i64)>, Error> {
    let calendar = account.calendar();
    let today = calendar.local_date(cx.now);
    let history = objectives::targets(cx.conn, row.id)?;
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

/// Archives (or restores) an objective: out of the statistics and the pickers, its history
/// kept.
/// What archiving the objective is said to do: its name and how many hold it.
pub fn archiving(cx: &mut Cx, actor: &Actor, id: ObjectiveId) -> Result<(String, usize), Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let objective = objectives::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    Ok((objective.name, objectives::holders(cx.conn, id)?.len()))
}

pub fn set_archived(cx: &mut Cx, actor: &Actor, id: ObjectiveId, archived: bool) -> Result<(), Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let objective = objectives::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
        objectives::set_archived(cx.conn, account, id, archived.then(|| cx.now.naive_utc()))?;
        let name = objective.name.clone();
        let event = if archived { Event::ObjectiveArchived { name } } else { Event::ObjectiveRestored { name } };
        audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
        Ok(())
    })
}
