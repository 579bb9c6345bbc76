DROP TABLE external_ids;
DROP TABLE api_requests;
DROP TABLE api_tokens;
