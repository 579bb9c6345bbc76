-- Sales objectives: what they count, their effective-dated period targets, and who holds them.

CREATE TABLE objectives (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('activity', 'sales')),
    -- Sales objectives: what is summed.
    metric        TEXT CHECK (metric IN ('revenue', 'won_count')),
    -- Activity objectives: one action, the whole of it or some of its outcomes.
    action_id     INTEGER,
    whole_action  BOOLEAN NOT NULL DEFAULT FALSE,
    context       TEXT CHECK (context IN ('prospects', 'leads', 'both')),
    -- No pipeline: all of them.
    pipeline_id   INTEGER,
    -- The one or two periods the objective has targets for.
    period_1      TEXT NOT NULL CHECK (period_1 IN ('day', 'week', 'month', 'quarter', 'year')),
    period_2      TEXT CHECK (period_2 IN ('day', 'week', 'month', 'quarter', 'year') AND period_2 <> period_1),
    archived_at   TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (account_id, name),
    UNIQUE (account_id, id),
    FOREIGN KEY (account_id, action_id) REFERENCES actions (account_id, id),
    FOREIGN KEY (account_id, pipeline_id) REFERENCES pipelines (account_id, id),
    CHECK ((kind = 'sales' AND metric IS NOT NULL AND action_id IS NULL AND context IS NULL)
        OR (kind = 'activity' AND metric IS NULL AND action_id IS NOT NULL AND context IS NOT NULL))
);

CREATE TABLE objective_outcomes (
    account_id    INTEGER NOT NULL,
    objective_id  INTEGER NOT NULL,
    outcome_id    INTEGER NOT NULL,
    PRIMARY KEY (objective_id, outcome_id),
    FOREIGN KEY (account_id, objective_id) REFERENCES objectives (account_id, id),
    FOREIGN KEY (account_id, outcome_id) REFERENCES outcomes (account_id, id)
);

-- A target applies from the start of the period in which it was set (effective_from) until
-- the next one of the same period; periods before the first target use the first.
CREATE TABLE objective_targets (
    account_id      INTEGER NOT NULL,
    objective_id    INTEGER NOT NULL,
    period          TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
    effective_from  DATE NOT NULL,
    -- Cents for revenue, a count otherwise.
    value           INTEGER NOT NULL CHECK (value > 0),
    set_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (objective_id, period, effective_from),
    FOREIGN KEY (account_id, objective_id) REFERENCES objectives (account_id, id)
);

CREATE TABLE assignments (
    account_id    INTEGER NOT NULL,
    objective_id  INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (objective_id, user_id),
    FOREIGN KEY (account_id, objective_id) REFERENCES objectives (account_id, id),
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
CREATE INDEX assignments_user ON assignments (account_id, user_id);
