-- Every status a lead took, and who set it: the lead page's timeline. Goes with its lead.
CREATE TABLE lead_changes (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT NOT NULL,
    lead_id       BIGINT NOT NULL,
    -- None: an import or a conversion run by no one in particular.
    user_id       BIGINT,
    at            TIMESTAMP NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('todo', 'standby', 'won', 'lost', 'cancelled')),
    -- The amount it was won for.
    amount_cents  BIGINT,
    FOREIGN KEY (account_id, lead_id) REFERENCES leads (account_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_changes_by_lead ON lead_changes (account_id, lead_id, at);

-- A deleted activity, kept for a short while so that its deletion can be undone. No
-- foreign keys: what it refers to may go meanwhile, and restoring it then is refused.
CREATE TABLE deleted_activities (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL,
    user_id       BIGINT NOT NULL,
    action_id     BIGINT NOT NULL,
    outcome_id    BIGINT NOT NULL,
    subject_kind  TEXT NOT NULL,
    lead_id       BIGINT,
    prospect_id   BIGINT,
    pipeline_id   BIGINT,
    occurred_at   TIMESTAMP NOT NULL,
    note          TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    deleted_by    BIGINT NOT NULL,
    deleted_at    TIMESTAMP NOT NULL
);
CREATE INDEX deleted_activities_by_time ON deleted_activities (account_id, deleted_at);
