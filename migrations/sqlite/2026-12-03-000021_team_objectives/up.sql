-- Who was in a team when: each spell of a membership, open while it lasts. A team's
-- figures count a member's work while they were in it.
CREATE TABLE team_spells (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL,
    team_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    joined_at   TIMESTAMP NOT NULL,
    left_at     TIMESTAMP,
    FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
CREATE INDEX team_spells_team ON team_spells (account_id, team_id);
-- Members before spells were kept count from the start.
INSERT INTO team_spells (account_id, team_id, user_id, joined_at)
SELECT account_id, team_id, user_id, '1900-01-01 00:00:00' FROM team_memberships;

-- An objective held by a team, against targets of the team's own.
CREATE TABLE team_assignments (
    account_id    INTEGER NOT NULL,
    objective_id  INTEGER NOT NULL,
    team_id       INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (objective_id, team_id),
    FOREIGN KEY (account_id, objective_id) REFERENCES objectives (account_id, id),
    FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id) ON DELETE CASCADE
);

-- A team's target per period kind, effective-dated like the objective's (rule 6).
CREATE TABLE team_targets (
    account_id      INTEGER NOT NULL,
    objective_id    INTEGER NOT NULL,
    team_id         INTEGER NOT NULL,
    period          TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
    effective_from  DATE NOT NULL,
    value           INTEGER NOT NULL CHECK (value > 0),
    set_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (objective_id, team_id, period, effective_from),
    FOREIGN KEY (objective_id, team_id) REFERENCES team_assignments (objective_id, team_id) ON DELETE CASCADE
);
