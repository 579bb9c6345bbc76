//! Recorded work: ids of what an account has, and leads, prospects and activities made
//! through the pages, as a person would.

use reqwest::Response;
use sales_objectives::store::users::UserRow;

use super::TestApp;

impl TestApp {
    /// The id of the account's action `action` and of its result `outcome`.
    pub fn outcome_id(&self, user: &UserRow, action: &str, outcome: &str) -> (String, String) {
        let actions = sales_objectives::store::actions::list(&mut self.conn(), user.account_id).expect("actions");
        let item = actions.iter().find(|a| a.action.name == action).expect("the action exists");
        let found = item.outcomes.iter().find(|o| o.name == outcome).expect("the result exists");
        (item.action.id.to_string(), found.id.to_string())
    }

    pub fn pipeline_id(&self, user: &UserRow, name: &str) -> String {
        sales_objectives::store::pipelines::find_by_name(&mut self.conn(), user.account_id, name)
            .expect("query")
            .expect("the pipeline exists")
            .id
            .to_string()
    }

    pub fn lead_id(&self, owner: &UserRow, title: &str) -> String {
        sales_objectives::store::leads::find_by_title(&mut self.conn(), owner.account_id, owner.id, title)
            .expect("query")
            .expect("the lead exists")
            .id
            .to_string()
    }

    pub fn prospect_id(&self, owner: &UserRow, name: &str) -> String {
        sales_objectives::store::prospects::find_by_name(&mut self.conn(), owner.account_id, owner.id, name)
            .expect("query")
            .expect("the prospect exists")
            .id
            .to_string()
    }

    /// Creates a prospect through the page, as `owner` (signed in).
    pub async fn new_prospect(&self, owner: &UserRow, name: &str) -> String {
        let response = self.submit("/prospects", &[("name", name)]).await;
        assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER, "prospect created");
        self.prospect_id(owner, name)
    }

    /// Creates a lead through the page, as `owner` (signed in).
    pub async fn new_lead(&self, owner: &UserRow, title: &str, pipeline: &str, extra: &[(&str, &str)]) -> String {
        let pipeline_id = self.pipeline_id(owner, pipeline);
        let mut fields = vec![("title", title), ("pipeline_id", pipeline_id.as_str())];
        fields.extend_from_slice(extra);
        let response = self.submit("/leads", &fields).await;
        assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER, "lead created: {:?}", response.text().await);
        self.lead_id(owner, title)
    }

    /// Logs an activity through its form: the subject (`lead:ID` or `prospect:ID`), the
    /// action's and result's ids, and any other fields.
    pub async fn log_activity(
        &self,
        subject: &str,
        action_id: &str,
        outcome_id: &str,
        more: &[(&str, &str)],
    ) -> Response {
        let mut fields = vec![("subject", subject), ("action_id", action_id), ("outcome_id", outcome_id)];
        fields.extend_from_slice(more);
        self.submit("/activities", &fields).await
    }
}
