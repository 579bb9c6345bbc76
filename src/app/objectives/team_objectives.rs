//! Team objectives: an objective held by a team against a target of the team's own, per
//! period kind. The team's figure is its members' counted work while they were members, so
//! a rep who moves team takes her future work with her, not her past.

use crate::app::audit::{self, Event};
use crate::app::{Actor, Cx, Error, invalid};
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, TeamId};
use crate::domain::message::Message;
use crate::domain::objective::{self, FROM_THE_START};
use crate::domain::period::PeriodKind;
use crate::domain::recording as words;
use crate::store::objectives::{self as objective_store, ObjectiveRow};
use crate::store::team_objectives::{self, TeamHolder, TeamTargetRow};
use crate::store::{is_unique_violation, teams};

use super::period_targets::PeriodTargetsForm;

fn editor(actor: &Actor) -> Result<(), Error> {
    actor.require_manager()?;
    actor.require_dream_team()
}

/// A target for each of the objective's period kinds, as typed: all required, positive.
fn typed_targets(objective: &ObjectiveRow, form: &PeriodTargetsForm) -> Result<Vec<(PeriodKind, i64)>, Error> {
    let mut errors = FieldErrors::new();
    let measure = objective.measure();
    let periods = objective.periods();
    let mut targets = Vec::new();
    for &kind in PeriodKind::ALL {
        let typed = form.typed(kind).map(str::trim);
        match (periods.contains(&kind), typed) {
            (true, typed) => {
                let field = PeriodTargetsForm::field(kind);
                if let Some(value) = errors.check(field, measure.parse_target(form.locale, typed.unwrap_or_default())) {
                    targets.push((kind, value));
                }
            }
            (false, Some(typed)) if !typed.is_empty() => {
                let message = Message::new("holder-target-no-such-period").arg("period", kind.as_str());
                errors.add(FieldErrors::FORM, message);
            }
            (false, _) => {}
        }
    }
    errors.into_result()?;
    Ok(targets)
}

/// Gives the objective to a team, with the team's targets. A team with no members, one
/// holding it already, or an archived objective are refused.
pub fn assign(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    team: &str,
    form: &PeriodTargetsForm,
) -> Result<TeamId, Error> {
    editor(actor)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let objective = objective_store::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
        if objective.archived_at.is_some() {
            return Err(invalid("team_id", "objective-archived"));
        }
        let team = words::parse_id(team, "choose-team").map_err(|crate::domain::Invalid(m)| invalid("team_id", m))?;
        let team =
            teams::find(cx.conn, account, TeamId(team))?.ok_or_else(|| invalid("team_id", "choose-account-team"))?;
        let targets = typed_targets(&objective, form)?;
        if teams::list_with_members(cx.conn, account)?.iter().any(|(t, members)| t.id == team.id && members.is_empty())
        {
            return Err(invalid("team_id", Message::new("team-has-no-members").arg("team", &team.name)));
        }
        team_objectives::assign(cx.conn, account, id, team.id, cx.now.naive_utc()).map_err(|e| {
            if is_unique_violation(&e) {
                invalid("team_id", Message::new("team-holds-objective").arg("team", &team.name))
            } else {
                e.into()
            }
        })?;
        for (period, value) in targets {
            let entry = TeamTargetRow {
                team_id: team.id,
                period,
                effective_from: FROM_THE_START,
                value,
                set_at: cx.now.naive_utc(),
            };
            team_objectives::set_target(cx.conn, account, id, &entry)?;
            record(cx, actor, &objective, &team.name, period, (None, None, value))?;
        }
        Ok(team.id)
    })
}

fn record(
    cx: &mut Cx,
    actor: &Actor,
    objective: &ObjectiveRow,
    team: &str,
    period: PeriodKind,
    (from, before, after): (Option<chrono::NaiveDate>, Option<i64>, i64),
) -> Result<(), Error> {
    let event = Event::TeamTargetSet {
        objective: objective.name.clone(),
        team: team.to_owned(),
        kind: objective.kind(),
        metric: objective.metric(),
        period,
        from,
        before,
        after,
    };
    audit::record(cx.conn, actor.account_id(), Some(actor.user), &event, cx.now)
}

/// A team holding the objective, with its targets in force now.
pub struct TeamPage {
    pub objective: ObjectiveRow,
    pub team: TeamHolder,
    pub targets: Vec<(PeriodKind, i64)>,
}

pub fn page(cx: &mut Cx, actor: &Actor, id: ObjectiveId, team: TeamId) -> Result<TeamPage, Error> {
    editor(actor)?;
    let account = actor.account_id();
    let objective = objective_store::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
    let holder = team_objectives::holders(cx.conn, account, id)?.into_iter().find(|t| t.team_id == team);
    let team = holder.ok_or(Error::NotFound)?;
    let targets = targets_now(cx, actor, &objective, team.team_id)?;
    Ok(TeamPage { objective, team, targets })
}

/// The team's targets in force in each current period.
pub fn targets_now(
    cx: &mut Cx,
    actor: &Actor,
    objective: &ObjectiveRow,
    team: TeamId,
) -> Result<Vec<(PeriodKind, i64)>, Error> {
    let calendar = actor.account.calendar();
    let today = calendar.local_date(cx.now);
    let history = team_objectives::targets(cx.conn, actor.account_id(), objective.id)?;
    Ok(objective
        .periods()
        .into_iter()
        .filter_map(|kind| {
            let entries: Vec<_> = history
                .iter()
                .filter(|t| t.team_id == team && t.period == kind)
                .map(|t| (t.effective_from, t.value))
                .collect();
            objective::target_in_force(&entries, calendar.period_of_date(kind, today).start()).map(|v| (kind, v))
        })
        .collect())
}

/// Changes the team's targets from the start of each current period (rule 6); returns
/// how many changed.
pub fn set_targets(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    team: TeamId,
    form: &PeriodTargetsForm,
) -> Result<usize, Error> {
    editor(actor)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let TeamPage { objective, team, targets: now } = page(cx, actor, id, team)?;
        let wanted = typed_targets(&objective, form)?;
        let calendar = actor.account.calendar();
        let today = calendar.local_date(cx.now);
        let mut changed = 0;
        for (period, value) in wanted {
            let before = now.iter().find(|(k, _)| *k == period).map(|(_, v)| *v);
            if before == Some(value) {
                continue;
            }
            let from = calendar.period_of_date(period, today).start();
            let entry = TeamTargetRow {
                team_id: team.team_id,
                period,
                effective_from: from,
                value,
                set_at: cx.now.naive_utc(),
            };
            team_objectives::set_target(cx.conn, account, id, &entry)?;
            record(cx, actor, &objective, &team.name, period, (Some(from), before, value))?;
            changed += 1;
        }
        Ok(changed)
    })
}

pub fn unassign(cx: &mut Cx, actor: &Actor, id: ObjectiveId, team: TeamId) -> Result<(), Error> {
    editor(actor)?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        page(cx, actor, id, team)?;
        team_objectives::unassign(cx.conn, account, id, team)?;
        Ok(())
    })
}
