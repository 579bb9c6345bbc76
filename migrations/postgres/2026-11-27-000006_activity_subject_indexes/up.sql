-- Deleting a lead or a prospect removes its activities, and the foreign keys of the
-- activities are checked against the deleted row: without an index by subject, both read
-- every activity of the account, holding the write lock for seconds on a long history.
-- Each activity has one subject, so it enters exactly one of these partial indexes.
CREATE INDEX activities_account_lead ON activities (account_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX activities_account_prospect ON activities (account_id, prospect_id) WHERE prospect_id IS NOT NULL;
