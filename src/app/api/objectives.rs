//! Objectives over the API, read as the Control Panel shows them (what each counts, its
//! targets in force now, its holders and teams) and changed through the editor's own use
//! cases: create, change, archive and restore, give to people or a team, set a holder's or
//! a team's own targets. Field names in refusals are the API's, not the form's.

use chrono::NaiveDate;

use super::Client;
use super::idempotency::{self, Answer, Keyed, Lock};
use crate::app::objectives::assignments::{self, AssignTo};
use crate::app::objectives::editor::{self, current_targets};
use crate::app::objectives::form::ObjectiveForm;
use crate::app::objectives::holder_targets;
use crate::app::objectives::pages::{self, Listing, ObjectivePage, Shelf};
use crate::app::objectives::period_targets::PeriodTargetsForm;
use crate::app::objectives::team_objectives;
use crate::app::{Actor, Cx, Error};
use crate::domain::account::Locale;
use crate::domain::api::Scope;
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ActionId, ObjectiveId, OutcomeId, PipelineId, TeamId, UserId};
use crate::domain::objective::{Context, ObjectiveKind, SalesMetric};
use crate::domain::period::PeriodKind;

/// An objective as shown: its page, with its targets in force now.
pub struct Shown {
    pub page: ObjectivePage,
    pub targets: Vec<(PeriodKind, i64)>,
}

/// A target as sent: money as a decimal string (`"1500.00"`), a count as digits.
#[derive(Debug, Clone)]
pub struct TargetInput {
    pub period: PeriodKind,
    pub value: String,
}

/// An objective as sent; on update, what is left out stays as it is (`Some(None)` clears
/// the pipeline or a date).
#[derive(Debug, Clone, Default)]
pub struct ObjectiveInput {
    pub name: Option<String>,
    pub kind: Option<ObjectiveKind>,
    pub metric: Option<SalesMetric>,
    pub action_id: Option<ActionId>,
    pub result_ids: Option<Vec<OutcomeId>>,
    /// Every result of the action, those added later included.
    pub whole_action: Option<bool>,
    pub context: Option<Context>,
    pub pipeline_id: Option<Option<PipelineId>>,
    /// One or two, of different periods.
    pub targets: Option<Vec<TargetInput>>,
    pub starts_on: Option<Option<NaiveDate>>,
    pub ends_on: Option<Option<NaiveDate>>,
}

/// Who an objective is given to: people, or a team's active reps (its leaders too if asked).
#[derive(Debug, Clone)]
pub enum Holders {
    Users(Vec<UserId>),
    Team { team: TeamId, include_managers: bool },
}

fn reader(client: &Client) -> Result<&Actor, Error> {
    client.require_any(&[Scope::ObjectivesRead, Scope::ObjectivesWrite])
}

fn writer(client: &Client) -> Result<&Actor, Error> {
    client.require(Scope::ObjectivesWrite)
}

pub fn list(cx: &mut Cx, client: &Client, shelf: Shelf) -> Result<Listing, Error> {
    pages::list(cx, reader(client)?, shelf)
}

fn shown(cx: &mut Cx, actor: &Actor, id: ObjectiveId) -> Result<Shown, Error> {
    let page = pages::page(cx, actor, id)?;
    let targets = current_targets(cx, &actor.account, &page.objective)?;
    Ok(Shown { page, targets })
}

/// An objective's page, with its targets in force now.
pub fn find(cx: &mut Cx, client: &Client, id: ObjectiveId) -> Result<Shown, Error> {
    shown(cx, reader(client)?, id)
}

/// The editor's form `input` stands for, over `base` (the objective as stored, or empty).
/// Numbers as a program writes them (English).
fn form(input: &ObjectiveInput, base: ObjectiveForm) -> ObjectiveForm {
    let id = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
    let date = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let whole_action = input.whole_action.unwrap_or(input.result_ids.is_none() && !base.all_outcomes.is_empty());
    let mut form = ObjectiveForm {
        name: input.name.clone().unwrap_or(base.name),
        kind: input.kind.map_or(base.kind, |k| k.as_str().to_owned()),
        metric: input.metric.map_or(base.metric, |m| m.as_str().to_owned()),
        action_id: input.action_id.map_or(base.action_id, |a| a.to_string()),
        outcome_ids: input
            .result_ids
            .as_ref()
            .map_or(base.outcome_ids, |ids| ids.iter().map(ToString::to_string).collect()),
        all_outcomes: if whole_action { "1".into() } else { String::new() },
        context: input.context.map_or(base.context, |c| c.as_str().to_owned()),
        pipeline_id: input.pipeline_id.map_or(base.pipeline_id, |p| id(p.map(|p| p.0))),
        starts_on: input.starts_on.map_or(base.starts_on, date),
        ends_on: input.ends_on.map_or(base.ends_on, date),
        locale: Locale::En,
        ..ObjectiveForm::default()
    };
    match &input.targets {
        Some(targets) => {
            let mut sent = targets.iter().map(|t| (t.period.as_str().to_owned(), t.value.clone()));
            (form.period_1, form.target_1) = sent.next().unwrap_or_default();
            (form.period_2, form.target_2) = sent.next().unwrap_or_default();
            (form.period_3, form.target_3) = sent.next().unwrap_or_default();
        }
        None => {
            (form.period_1, form.target_1, form.period_2, form.target_2) =
                (base.period_1, base.target_1, base.period_2, base.target_2);
        }
    }
    form
}

/// The editor's refusals under the API's names.
fn api_fields(error: Error) -> Error {
    renamed(error, |field| match field {
        "outcome_ids" => "result_ids",
        "all_outcomes" => "whole_action",
        "period_1" => "targets[0].period",
        "target_1" => "targets[0].value",
        "period_2" => "targets[1].period",
        "target_2" => "targets[1].value",
        "period_3" | "target_3" => "targets",
        other => other,
    })
}

/// A target form's refusals (one field per period kind) under the API's name.
fn target_fields(error: Error) -> Error {
    renamed(error, |field| if field.starts_with("target_") { "targets" } else { field })
}

fn renamed(error: Error, rename: impl Fn(&'static str) -> &'static str) -> Error {
    match error {
        Error::Invalid(errors) => {
            let mut named = FieldErrors::new();
            for (field, message) in errors.iter() {
                named.add(rename(field), message.clone());
            }
            Error::Invalid(named)
        }
        other => other,
    }
}

/// Creates an objective, once per idempotency key; `answer` words it as shown.
pub fn create(
    cx: &mut Cx,
    client: &Client,
    input: &ObjectiveInput,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Shown) -> Answer,
) -> Result<Answer, Error> {
    let actor = writer(client)?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        let id = editor::create(cx, actor, &form(input, ObjectiveForm::default())).map_err(api_fields)?;
        Ok(answer(&shown(cx, actor, id)?))
    })
}

/// Changes an objective: what is left out stays; a target changed applies from the start
/// of the current period (rule 6).
pub fn update(cx: &mut Cx, client: &Client, id: ObjectiveId, input: &ObjectiveInput) -> Result<Shown, Error> {
    let actor = writer(client)?;
    cx.change(actor.account_id(), |cx| {
        let base = pages::stored_form(cx, actor, id, Locale::En)?;
        editor::update(cx, actor, id, &form(input, base)).map_err(api_fields)?;
        shown(cx, actor, id)
    })
}

/// Archives an objective (out of the statistics, its history kept) or restores it.
pub fn set_archived(cx: &mut Cx, client: &Client, id: ObjectiveId, archived: bool) -> Result<Shown, Error> {
    let actor = writer(client)?;
    cx.change(actor.account_id(), |cx| {
        editor::set_archived(cx, actor, id, archived)?;
        shown(cx, actor, id)
    })
}

/// Gives the objective to people or a team's reps, once per idempotency key.
pub fn assign(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    holders: &Holders,
    keyed: Option<&Keyed>,
    answer: impl Fn(&Shown) -> Answer,
) -> Result<Answer, Error> {
    let actor = writer(client)?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        match holders {
            Holders::Users(users) => {
                let ids: Vec<String> = users.iter().map(ToString::to_string).collect();
                assignments::assign(cx, actor, id, AssignTo::Users(&ids))?;
            }
            Holders::Team { team, include_managers } => {
                let team = team.to_string();
                assignments::assign(
                    cx,
                    actor,
                    id,
                    AssignTo::Team { team: &team, include_managers: *include_managers },
                )?;
            }
        }
        Ok(answer(&shown(cx, actor, id)?))
    })
}

/// Takes the objective from a holder, with their own targets.
pub fn unassign(cx: &mut Cx, client: &Client, id: ObjectiveId, user: UserId) -> Result<(), Error> {
    assignments::unassign(cx, writer(client)?, id, user)
}

/// A target form of `targets`; with `others_cleared`, every period not sent is sent empty
/// (a holder's own target dropped; one of a period the objective has not is no change).
fn targets_form(targets: &[TargetInput], others_cleared: bool) -> PeriodTargetsForm {
    let mut form = PeriodTargetsForm { locale: Locale::En, ..PeriodTargetsForm::default() };
    if others_cleared {
        for kind in PeriodKind::ALL {
            form.set(*kind, String::new());
        }
    }
    for target in targets {
        form.set(target.period, target.value.clone());
    }
    form
}

/// Sets a holder's own targets to those sent; the objective's periods not sent go back to
/// the objective's targets. Each applies from the start of its current period.
pub fn set_holder_targets(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    user: UserId,
    targets: &[TargetInput],
) -> Result<Shown, Error> {
    let actor = writer(client)?;
    cx.change(actor.account_id(), |cx| {
        holder_targets::set(cx, actor, id, user, &targets_form(targets, true)).map_err(target_fields)?;
        shown(cx, actor, id)
    })
}

/// Gives the objective to a team against the team's own targets (one per period of the
/// objective), once per idempotency key.
pub fn assign_team(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    team: TeamId,
    targets: &[TargetInput],
    keyed: Option<&Keyed>,
    answer: impl Fn(&Shown) -> Answer,
) -> Result<Answer, Error> {
    let actor = writer(client)?;
    idempotency::once(cx, actor, keyed, Lock::Change, |cx| {
        team_objectives::assign(cx, actor, id, &team.to_string(), &targets_form(targets, false))
            .map_err(target_fields)?;
        Ok(answer(&shown(cx, actor, id)?))
    })
}

/// Changes a team's targets from the start of each current period.
pub fn set_team_targets(
    cx: &mut Cx,
    client: &Client,
    id: ObjectiveId,
    team: TeamId,
    targets: &[TargetInput],
) -> Result<Shown, Error> {
    let actor = writer(client)?;
    cx.change(actor.account_id(), |cx| {
        team_objectives::set_targets(cx, actor, id, team, &targets_form(targets, false)).map_err(target_fields)?;
        shown(cx, actor, id)
    })
}

/// Takes the objective from a team.
pub fn unassign_team(cx: &mut Cx, client: &Client, id: ObjectiveId, team: TeamId) -> Result<(), Error> {
    team_objectives::unassign(cx, writer(client)?, id, team)
}
