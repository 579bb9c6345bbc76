//! A holder's own targets: "Luca €150k, Sara €100k" on one objective. Per period kind of
//! the objective, a holder may have a target of their own in place of the objective's;
//! it changes like the objective's (rule 6: from the current period on, closed periods
//! keep theirs), and every change is audited.

use chrono::NaiveDate;

use super::period_targets::PeriodTargetsForm;
use crate::app::audit::{self, Event};
use crate::app::{Actor, Cx, Error};
use crate::domain::form::FieldErrors;
use crate::domain::ids::{ObjectiveId, UserId};
use crate::domain::message::Message;
use crate::domain::objective::{self, HolderTargetChange};
use crate::domain::period::PeriodKind;
use crate::store::holder_targets::{self, HolderTargetRow};
use crate::store::objectives::{self, Holder, ObjectiveRow};

/// One period kind of the objective, as it stands for the holder now.
pub struct HolderPeriod {
    pub kind: PeriodKind,
    /// The start of the current period: where a change made now applies from.
    pub from: NaiveDate,
    /// The objective's target in force now.
    pub objective_target: Option<i64>,
    /// The holder's own target in force now, if any.
    pub own: Option<i64>,
    /// Every entry of the holder's history of this kind, oldest first.
    pub history: Vec<HolderTargetRow>,
}

/// The holder's page.
pub struct HolderTargets {
    pub objective: ObjectiveRow,
    pub holder: Holder,
    pub periods: Vec<HolderPeriod>,
}

/// The holder's targets now, per period kind of the objective. Another account's
/// objective, or someone who does not hold it, is not found.
pub fn page(cx: &mut Cx, actor: &Actor, id: ObjectiveId, user: UserId) -> Result<HolderTargets, Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let objective = objectives::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    let holder = objectives::holders(cx.conn, id)?.into_iter().find(|h| h.user_id == user).ok_or(Error::NotFound)?;
    let periods = periods_now(cx, actor, &objective, user)?;
    Ok(HolderTargets { objective, holder, periods })
}

/// Each period kind of the objective for `user`, as in force today.
fn periods_now(cx: &mut Cx, actor: &Actor, objective: &ObjectiveRow, user: UserId) -> Result<Vec<HolderPeriod>, Error> {
    Ok(Standing::load(cx, actor, objective)?.periods(user))
}

/// A holder's own targets in force, by period kind.
pub type OwnTargets = Vec<(PeriodKind, i64)>;

/// The own targets in force today of every holder who has one, by holder.
pub fn own_targets_now(
    cx: &mut Cx,
    actor: &Actor,
    objective: &ObjectiveRow,
) -> Result<Vec<(UserId, OwnTargets)>, Error> {
    let standing = Standing::load(cx, actor, objective)?;
    let mut holders: Vec<UserId> = standing.own.iter().map(|t| t.user_id).collect();
    holders.dedup();
    Ok(holders
        .into_iter()
        .map(|user| {
            let own = standing.periods(user).into_iter().filter_map(|p| Some((p.kind, p.own?))).collect();
            (user, own)
        })
        .collect())
}

/// An objective's target histories and every holder's, read once, judged on today.
struct Standing<'a> {
    objective: &'a ObjectiveRow,
    calendar: crate::domain::period::Calendar,
    today: NaiveDate,
    targets: Vec<crate::store::objectives::TargetRow>,
    own: Vec<HolderTargetRow>,
}

impl<'a> Standing<'a> {
    fn load(cx: &mut Cx, actor: &Actor, objective: &'a ObjectiveRow) -> Result<Self, Error> {
        let calendar = actor.account.calendar();
        let today = calendar.local_date(cx.now);
        let targets = objectives::targets(cx.conn, objective.id)?;
        let own = holder_targets::of_objective(cx.conn, actor.account_id(), objective.id)?;
        Ok(Self { objective, calendar, today, targets, own })
    }

    fn periods(&self, user: UserId) -> Vec<HolderPeriod> {
        self.objective
            .periods()
            .into_iter()
            .map(|kind| {
                let from = self.calendar.period_of_date(kind, self.today).start();
                let of_objective: Vec<_> =
                    self.targets.iter().filter(|t| t.period == kind).map(|t| (t.effective_from, t.value)).collect();
                let history: Vec<HolderTargetRow> =
                    self.own.iter().filter(|t| t.user_id == user && t.period == kind).cloned().collect();
                let entries: Vec<_> = history.iter().map(|t| (t.effective_from, t.value)).collect();
                let own = objective::holder_has_own_target(&entries, from)
                    .then(|| objective::holder_target_in_force(&of_objective, &entries, from))
                    .flatten();
                HolderPeriod {
                    kind,
                    from,
                    objective_target: objective::target_in_force(&of_objective, from),
                    own,
                    history,
                }
            })
            .collect()
    }
}

/// Sets the holder's own targets as typed (an empty field: the objective's again), from
/// the start of each current period, all or nothing. Returns how many changed.
pub fn set(
    cx: &mut Cx,
    actor: &Actor,
    id: ObjectiveId,
    user: UserId,
    form: &PeriodTargetsForm,
) -> Result<usize, Error> {
    actor.require_manager()?;
    actor.require_dream_team()?;
    let account = actor.account_id();
    cx.change(account, |cx| {
        let HolderTargets { objective, holder, periods } = page(cx, actor, id, user)?;
        let measure = objective.measure();
        let mut errors = FieldErrors::new();
        if objective.archived_at.is_some() {
            errors.add(FieldErrors::FORM, "holder-target-archived");
        }
        let mut wanted: Vec<(&HolderPeriod, Option<i64>)> = Vec::new();
        for &kind in PeriodKind::ALL {
            let Some(typed) = form.typed(kind).map(str::trim) else { continue };
            match periods.iter().find(|p| p.kind == kind) {
                None if typed.is_empty() => {}
                // No field of the form: the message goes above it.
                None => errors
                    .add(FieldErrors::FORM, Message::new("holder-target-no-such-period").arg("period", kind.as_str())),
                Some(period) if typed.is_empty() => wanted.push((period, None)),
                Some(period) => {
                    let field = PeriodTargetsForm::field(kind);
                    if let Some(value) = errors.check(field, measure.parse_target(form.locale, typed)) {
                        wanted.push((period, Some(value)));
                    }
                }
            }
        }
        errors.into_result()?;
        let mut changed = 0;
        for (period, value) in wanted {
            let entries: Vec<_> = period.history.iter().map(|t| (t.effective_from, t.value)).collect();
            let from = period.from;
            match objective::holder_target_change(&entries, from, value) {
                HolderTargetChange::Unchanged => continue,
                HolderTargetChange::Write(value) => {
                    let entry = HolderTargetRow {
                        user_id: user,
                        period: period.kind,
                        effective_from: from,
                        value,
                        set_at: cx.now.naive_utc(),
                    };
                    holder_targets::set(cx.conn, account, id, &entry)?;
                }
                HolderTargetChange::Drop => {
                    holder_targets::remove(cx.conn, account, id, user, period.kind, from)?;
                }
            }
            let event = Event::HolderTargetSet {
                objective: objective.name.clone(),
                holder: holder.name.clone(),
                kind: objective.kind(),
                metric: objective.metric(),
                period: period.kind,
                from,
                before: period.own,
                after: value,
            };
            audit::record(cx.conn, account, Some(actor.user), &event, cx.now)?;
            changed += 1;
        }
        Ok(changed)
    })
}
