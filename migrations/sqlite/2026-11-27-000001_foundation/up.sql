-- Tenants, their users and teams. Every row carries account_id: the tenant key.
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    edition     TEXT NOT NULL CHECK (edition IN ('solopreneur', 'sales_essentials', 'dream_team')),
    licences    INTEGER NOT NULL CHECK (licences >= 1),
    time_zone   TEXT NOT NULL,
    week_start  TEXT NOT NULL DEFAULT 'monday'
                CHECK (week_start IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    currency    TEXT NOT NULL DEFAULT 'EUR',
    locale      TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'it')),
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash   TEXT NOT NULL,
    session_version INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (account_id, id)
);
CREATE INDEX users_account ON users (account_id);

CREATE TABLE teams (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    name        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (account_id, name),
    UNIQUE (account_id, id)
);

-- The composite keys make a membership across two accounts impossible.
CREATE TABLE team_memberships (
    account_id  INTEGER NOT NULL,
    team_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    is_manager  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (team_id, user_id),
    FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
CREATE INDEX team_memberships_user ON team_memberships (user_id);

-- Failed sign-ins, keyed by the e-mail typed (it may match no user): the throttle.
CREATE TABLE login_failures (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL,
    attempted_at  TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_email_at ON login_failures (email, attempted_at);
