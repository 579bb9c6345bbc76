//! Objectives set up as the editor would: `ObjectiveBuilder::calls(..).targets(..).held_by(..).create(..)`.

use chrono::{DateTime, Utc};
use sales_objectives::app::objectives::{ObjectiveForm, assignments, editor};
use sales_objectives::domain::ids::ObjectiveId;
use sales_objectives::store::users::UserRow;

use super::TestApp;

pub struct ObjectiveBuilder {
    form: ObjectiveForm,
    holders: Vec<String>,
    at: DateTime<Utc>,
}

impl ObjectiveBuilder {
    /// An activity objective counting one result of an action, on prospects and leads.
    pub fn activity(app: &TestApp, of: &UserRow, name: &str, action: &str, outcome: &str) -> Self {
        let (action_id, outcome_id) = app.outcome_id(of, action, outcome);
        Self::of(ObjectiveForm::activity(name, action_id, outcome_id, "both", [("", ""), ("", "")]))
    }

    /// Calls reached, on prospects and leads.
    pub fn calls(app: &TestApp, of: &UserRow, name: &str) -> Self {
        Self::activity(app, of, name, "Call", "Reached")
    }

    /// Revenue: the amounts of won leads.
    pub fn revenue(name: &str) -> Self {
        Self::of(ObjectiveForm::sales(name, "revenue", [("", ""), ("", "")]))
    }

    fn of(form: ObjectiveForm) -> Self {
        Self { form, holders: Vec::new(), at: Utc::now() }
    }

    /// Counting activities on `context` only: prospects, leads or both.
    pub fn on(mut self, context: &str) -> Self {
        self.form.context = context.to_owned();
        self
    }

    /// Any other change to the form.
    pub fn edit(mut self, change: impl FnOnce(&mut ObjectiveForm)) -> Self {
        change(&mut self.form);
        self
    }

    /// One or two `(period, target)` pairs.
    pub fn targets(mut self, targets: &[(&str, &str)]) -> Self {
        let pair =
            |n: usize| targets.get(n).map_or((String::new(), String::new()), |(p, t)| ((*p).into(), (*t).into()));
        (self.form.period_1, self.form.target_1) = pair(0);
        (self.form.period_2, self.form.target_2) = pair(1);
        self
    }

    pub fn held_by(mut self, holders: &[&UserRow]) -> Self {
        self.holders = holders.iter().map(|u| u.id.to_string()).collect();
        self
    }

    /// Created at `at`, as if set then (its first targets are in force from the start).
    pub fn created_at(mut self, at: DateTime<Utc>) -> Self {
        self.at = at;
        self
    }

    /// The form as built, to change and save again.
    pub fn form(&self) -> ObjectiveForm {
        self.form.clone()
    }

    /// Creates the objective as `by` (a manager or an admin), and assigns it.
    pub fn create(self, app: &TestApp, by: &UserRow) -> ObjectiveId {
        let Self { form, holders, at } = self;
        app.run_as_at(by, at, |cx, actor| {
            let id = editor::create(cx, actor, &form)?;
            if !holders.is_empty() {
                assignments::assign_users(cx, actor, id, &holders)?;
            }
            Ok(id)
        })
    }
}
