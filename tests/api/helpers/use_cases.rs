//! Use cases run directly, as a user of the account would through a page: to set up what a
//! test needs quickly, at any moment it likes.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sales_objectives::app::recording::activities::{self, ActivityForm};
use sales_objectives::app::recording::prospects::{self, ProspectForm};
use sales_objectives::app::{self, Actor, Cx};
use sales_objectives::store::users::UserRow;

use super::TestApp;

impl TestApp {
    /// Who `user` acts as.
    pub fn actor(&self, user: &UserRow) -> Actor {
        Actor { user: user.id, role: user.role, account: Arc::new(self.account_of(user)) }
    }

    /// Runs a use case as `user`, now.
    pub fn run_as<T>(&self, user: &UserRow, use_case: impl FnOnce(&mut Cx, &Actor) -> Result<T, app::Error>) -> T {
        self.run_as_at(user, Utc::now(), use_case)
    }

    /// Runs a use case as `user`, at `now`.
    pub fn run_as_at<T>(
        &self,
        user: &UserRow,
        now: DateTime<Utc>,
        use_case: impl FnOnce(&mut Cx, &Actor) -> Result<T, app::Error>,
    ) -> T {
        self.try_run_as_at(user, now, use_case).expect("the use case succeeded")
    }

    /// Runs a use case as `user`, at `now`, and says how it ended.
    pub fn try_run_as_at<T>(
        &self,
        user: &UserRow,
        now: DateTime<Utc>,
        use_case: impl FnOnce(&mut Cx, &Actor) -> Result<T, app::Error>,
    ) -> Result<T, app::Error> {
        let actor = self.actor(user);
        let mut conn = self.conn();
        use_case(&mut Cx::new(&mut conn, &self.passwords, now), &actor)
    }

    /// A prospect of `user`'s, as the activity form names it: `prospect:ID`.
    pub fn prospect_of(&self, user: &UserRow, name: &str) -> String {
        let form = ProspectForm { name: name.into(), ..ProspectForm::default() };
        let prospect = self.run_as(user, |cx, actor| prospects::create(cx, actor, &form));
        format!("prospect:{}", prospect.id)
    }

    /// Logs an activity as `user` on `subject` at a local moment of the account's zone, as
    /// they would once it is done: a moment still to come is logged when it has come.
    pub fn log_as(&self, user: &UserRow, subject: &str, action: &str, outcome: &str, at: &str) {
        let (action_id, outcome_id) = self.outcome_id(user, action, outcome);
        let form = ActivityForm {
            action_id,
            outcome_id,
            subject: subject.into(),
            occurred_at: at.into(),
            ..ActivityForm::default()
        };
        let moment = sales_objectives::domain::recording::parse_local_moment(at)
            .ok()
            .and_then(|local| self.account_of(user).calendar().local_to_utc(local).ok());
        let now = moment.map_or_else(Utc::now, |moment| moment.max(Utc::now()));
        self.run_as_at(user, now, |cx, actor| activities::log(cx, actor, &form));
    }
}
