-- A holder's own target for one of the objective's period kinds, effective-dated like the
-- objective's (rule 6): from the start of the period in which it was set until the next
-- entry. A NULL value: from then on the holder follows the objective's target again.
-- Before a holder's first entry, the objective's target is in force. Goes with its
-- assignment.
CREATE TABLE holder_targets (
    account_id      BIGINT NOT NULL,
    objective_id    BIGINT NOT NULL,
    user_id         BIGINT NOT NULL,
    period          TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
    effective_from  DATE NOT NULL,
    -- Cents for revenue, a count otherwise.
    value           BIGINT CHECK (value IS NULL OR value > 0),
    set_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (objective_id, user_id, period, effective_from),
    FOREIGN KEY (objective_id, user_id) REFERENCES assignments (objective_id, user_id) ON DELETE CASCADE
);
CREATE INDEX holder_targets_account ON holder_targets (account_id, objective_id);
