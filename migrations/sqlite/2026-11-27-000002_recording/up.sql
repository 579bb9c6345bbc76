-- How work gets recorded: actions and their outcomes, pipelines, prospects, leads and
-- activities; and the period buckets that keep running totals of them.

CREATE TABLE actions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (account_id, name),
    UNIQUE (account_id, id)
);

CREATE TABLE outcomes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL,
    action_id   INTEGER NOT NULL,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (action_id, name),
    UNIQUE (account_id, id),
    FOREIGN KEY (account_id, action_id) REFERENCES actions (account_id, id)
);

CREATE TABLE pipelines (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    name        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (account_id, name),
    UNIQUE (account_id, id)
);

CREATE TABLE leads (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL,
    pipeline_id   INTEGER NOT NULL,
    owner_id      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    amount_cents  INTEGER,
    status        TEXT NOT NULL DEFAULT 'todo'
                  CHECK (status IN ('todo', 'standby', 'won', 'lost', 'cancelled')),
    -- When won: the instant, its local date in the account's zone, and who owned it then.
    closed_at     TIMESTAMP,
    closed_on     DATE,
    won_by_id     INTEGER,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (account_id, id),
    FOREIGN KEY (account_id, pipeline_id) REFERENCES pipelines (account_id, id),
    FOREIGN KEY (account_id, owner_id) REFERENCES users (account_id, id),
    FOREIGN KEY (account_id, won_by_id) REFERENCES users (account_id, id),
    CHECK ((status = 'won') = (closed_at IS NOT NULL AND closed_on IS NOT NULL AND won_by_id IS NOT NULL AND amount_cents IS NOT NULL))
);
CREATE INDEX leads_account_owner ON leads (account_id, owner_id);

CREATE TABLE prospects (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL,
    owner_id      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    list_name     TEXT,
    lead_id       INTEGER,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (account_id, id),
    FOREIGN KEY (account_id, owner_id) REFERENCES users (account_id, id),
    FOREIGN KEY (account_id, lead_id) REFERENCES leads (account_id, id)
);
CREATE INDEX prospects_account_owner ON prospects (account_id, owner_id);

CREATE TABLE activities (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    action_id     INTEGER NOT NULL,
    outcome_id    INTEGER NOT NULL,
    subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('lead', 'prospect')),
    lead_id       INTEGER,
    prospect_id   INTEGER,
    -- The lead's pipeline when the activity was logged (none for a prospect).
    pipeline_id   INTEGER,
    occurred_at   TIMESTAMP NOT NULL,
    occurred_on   DATE NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id),
    FOREIGN KEY (account_id, outcome_id) REFERENCES outcomes (account_id, id),
    FOREIGN KEY (account_id, action_id) REFERENCES actions (account_id, id),
    FOREIGN KEY (account_id, lead_id) REFERENCES leads (account_id, id),
    FOREIGN KEY (account_id, prospect_id) REFERENCES prospects (account_id, id),
    FOREIGN KEY (account_id, pipeline_id) REFERENCES pipelines (account_id, id),
    CHECK ((subject_kind = 'lead' AND lead_id IS NOT NULL AND prospect_id IS NULL AND pipeline_id IS NOT NULL)
        OR (subject_kind = 'prospect' AND prospect_id IS NOT NULL AND lead_id IS NULL AND pipeline_id IS NULL))
);
CREATE INDEX activities_account_user_at ON activities (account_id, user_id, occurred_at);
CREATE INDEX activities_account_at ON activities (account_id, occurred_at);

-- Running totals, per local day ('day') and per local month ('month', keyed by its first
-- date). pipeline_id 0 stands for "no pipeline" (activities on prospects).
CREATE TABLE activity_buckets (
    account_id    INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    outcome_id    INTEGER NOT NULL,
    subject_kind  TEXT NOT NULL,
    pipeline_id   INTEGER NOT NULL,
    grain         TEXT NOT NULL CHECK (grain IN ('day', 'month')),
    bucket        DATE NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (account_id, user_id, grain, bucket, outcome_id, subject_kind, pipeline_id)
);

CREATE TABLE won_buckets (
    account_id     INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    pipeline_id    INTEGER NOT NULL,
    grain          TEXT NOT NULL CHECK (grain IN ('day', 'month')),
    bucket         DATE NOT NULL,
    revenue_cents  INTEGER NOT NULL,
    won_count      INTEGER NOT NULL,
    PRIMARY KEY (account_id, user_id, grain, bucket, pipeline_id)
);
