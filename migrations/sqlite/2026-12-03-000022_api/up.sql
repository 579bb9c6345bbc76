-- Tokens other programs act with, as their account, within their scopes. Only a hash of
-- the secret is kept: it is shown once, when the token is made.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL,
    name          TEXT NOT NULL,
    -- Space-separated, e.g. 'activities:write results:read'.
    scopes        TEXT NOT NULL,
    secret_hash   TEXT NOT NULL UNIQUE,
    -- The secret's first characters, so that people recognise a token in the list.
    prefix        TEXT NOT NULL,
    created_by    INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP,
    FOREIGN KEY (account_id, created_by) REFERENCES users (account_id, id)
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- What a request sent with an Idempotency-Key answered, kept so that a retry gets the same
-- answer and changes nothing. Written in the transaction of the change itself.
CREATE TABLE api_requests (
    account_id       INTEGER NOT NULL REFERENCES accounts (id),
    idempotency_key  TEXT NOT NULL,
    -- The method, path and body the key was first used with.
    fingerprint      TEXT NOT NULL,
    status           INTEGER NOT NULL,
    body             TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
-- Kept a day, for retries: older ones are forgotten.
CREATE INDEX api_requests_age ON api_requests (account_id, created_at);

-- The ids another system gave our records: the same external id names the same record.
CREATE TABLE external_ids (
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    kind         TEXT NOT NULL CHECK (kind IN ('activity', 'lead', 'prospect')),
    external_id  TEXT NOT NULL,
    record_id    INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, external_id)
);
CREATE INDEX external_ids_record ON external_ids (account_id, kind, record_id);

-- Lists the API pages through by cursor: a range of one account's ids, in id order.
CREATE INDEX activities_account_id ON activities (account_id, id);
CREATE INDEX leads_account_id ON leads (account_id, id);
