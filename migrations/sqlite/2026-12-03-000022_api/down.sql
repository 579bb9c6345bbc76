DROP INDEX leads_account_id;
DROP INDEX activities_account_id;
DROP TABLE external_ids;
DROP TABLE api_requests;
DROP TABLE api_tokens;
