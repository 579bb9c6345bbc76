//! What the objectives editor's pages read: the list, an objective's page with its target
//! history and holders, and the choices its form offers.

use super::editor::current_targets;
use super::form::ObjectiveForm;
use crate::app::sales_process::actions::ActionWithOutcomes;
use crate::app::sales_process::pipelines::Pipeline;
use crate::app::{Actor, Cx, Error, User};
use crate::domain::account::Locale;
use crate::domain::ids::{ObjectiveId, OutcomeId, UserId};
use crate::domain::period::PeriodKind;
use crate::store::{actions, objectives, pipelines, teams, users};

pub use crate::store::objectives::{ObjectiveRow as Objective, TargetRow as Target};
pub use crate::store::teams::TeamRow as Team;

/// An objective as the list shows it: what it counts, its targets in force now, and how
/// many hold it.
pub struct Summary {
    pub objective: Objective,
    /// The results it counts (none listed: the whole action).
    pub outcomes: Vec<OutcomeId>,
    pub targets: Vec<(PeriodKind, i64)>,
    pub assignees: i64,
}

/// The list, with what its lines name: the account's actions and pipelines.
pub struct Listing {
    pub objectives: Vec<Summary>,
    pub catalogue: Vec<ActionWithOutcomes>,
    pub pipelines: Vec<Pipeline>,
}

fn editor(actor: &Actor) -> Result<(), Error> {
    actor.require_manager()?;
    actor.require_dream_team()
}

/// Which of the account's objectives a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shelf {
    /// Not archived, and not past their last day.
    Running,
    /// Not archived, their last day gone: listed apart, still readable.
    Ended,
    Archived,
}

/// The account's objectives on `shelf`, by name.
pub fn list(cx: &mut Cx, actor: &Actor, shelf: Shelf) -> Result<Listing, Error> {
    editor(actor)?;
    let account = actor.account_id();
    let catalogue = actions::list(cx.conn, account)?;
    let pipelines = pipelines::list(cx.conn, account)?;
    let today = actor.account.calendar().local_date(cx.now);
    let mut summaries = Vec::new();
    for line in objectives::list(cx.conn, account, shelf == Shelf::Archived)? {
        let objective = line.objective;
        let ended = objective.dates().has_ended(today);
        if shelf != Shelf::Archived && ended != (shelf == Shelf::Ended) {
            continue;
        }
        let outcomes = objectives::outcomes(cx.conn, objective.id)?;
        let targets = current_targets(cx, &actor.account, &objective)?;
        summaries.push(Summary { objective, outcomes, targets, assignees: line.assignees });
    }
    Ok(Listing { objectives: summaries, catalogue, pipelines })
}

/// Someone holding the objective, with how many active objectives they hold in all.
pub struct Holder {
    pub user_id: UserId,
    pub name: String,
    pub active: bool,
    pub objectives: i64,
    /// Their own targets in force now, where they have one.
    pub own_targets: Vec<(PeriodKind, i64)>,
}

/// An objective's page.
pub struct ObjectivePage {
    pub objective: Objective,
    pub outcomes: Vec<OutcomeId>,
    pub catalogue: Vec<ActionWithOutcomes>,
    pub pipelines: Vec<Pipeline>,
    /// Every target ever set, by period then date.
    pub history: Vec<Target>,
    pub holders: Vec<Holder>,
    /// Who it can be given to: the account's active users, and its teams.
    pub users: Vec<User>,
    pub teams: Vec<Team>,
    /// The teams holding it, each with its targets in force now.
    pub team_holders: Vec<(crate::store::team_objectives::TeamHolder, Vec<(PeriodKind, i64)>)>,
}

pub fn page(cx: &mut Cx, actor: &Actor, id: ObjectiveId) -> Result<ObjectivePage, Error> {
    editor(actor)?;
    let account = actor.account_id();
    let objective = objectives::find(cx.conn, account, id)?.ok_or(Error::NotFound)?;
    let counts = objectives::active_counts(cx.conn, account)?;
    let mut own = super::holder_targets::own_targets_now(cx, actor, &objective)?;
    let holders = objectives::holders(cx.conn, id)?
        .into_iter()
        .map(|h| Holder {
            objectives: counts.iter().find(|(u, _)| *u == h.user_id).map_or(0, |(_, n)| *n),
            own_targets: own
                .iter_mut()
                .find(|(u, _)| *u == h.user_id)
                .map(|(_, t)| std::mem::take(t))
                .unwrap_or_default(),
            user_id: h.user_id,
            name: h.name,
            active: h.active,
        })
        .collect();
    let mut team_holders = Vec::new();
    for team in crate::store::team_objectives::holders(cx.conn, account, id)? {
        let targets = super::team_objectives::targets_now(cx, actor, &objective, team.team_id)?;
        team_holders.push((team, targets));
    }
    Ok(ObjectivePage {
        team_holders,
        outcomes: objectives::outcomes(cx.conn, id)?,
        catalogue: actions::list(cx.conn, account)?,
        pipelines: pipelines::list(cx.conn, account)?,
        history: objectives::targets(cx.conn, id)?,
        holders,
        users: users::list_active(cx.conn, account)?,
        teams: teams::list(cx.conn, account)?,
        objective,
    })
}

/// What the editor's form shows: the objective as stored with the targets in force now
/// (when editing one), the active actions with their results, the pipelines.
pub struct EditorPage {
    pub stored: Option<ObjectiveForm>,
    pub actions: Vec<ActionWithOutcomes>,
    pub pipelines: Vec<Pipeline>,
}

pub fn editor_page(cx: &mut Cx, actor: &Actor, id: Option<ObjectiveId>, locale: Locale) -> Result<EditorPage, Error> {
    editor(actor)?;
    let stored = id.map(|id| stored_form(cx, actor, id, locale)).transpose()?;
    let account = actor.account_id();
    let actions = actions::list(cx.conn, account)?.into_iter().filter(|a| a.action.active).collect();
    Ok(EditorPage { stored, actions, pipelines: pipelines::list(cx.conn, account)? })
}

pub(crate) fn stored_form(cx: &mut Cx, actor: &Actor, id: ObjectiveId, locale: Locale) -> Result<ObjectiveForm, Error> {
    let row = objectives::find(cx.conn, actor.account_id(), id)?.ok_or(Error::NotFound)?;
    let outcomes = objectives::outcomes(cx.conn, id)?;
    let current = current_targets(cx, &actor.account, &row)?;
    Ok(ObjectiveForm::from_objective(&row, &outcomes, &current, locale))
}
