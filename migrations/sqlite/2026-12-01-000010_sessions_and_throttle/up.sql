-- Signed-in sessions, kept by the server so that signing out ends one for good, on every
-- server. The cookie carries a random token; only its SHA-256 is stored here.
CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id),
    user_id       BIGINT NOT NULL REFERENCES users (id),
    -- The user's session version when it began: a password change ends older ones.
    user_version  BIGINT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    last_seen_at  TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

-- The sign-in throttle: failures counted per (e-mail, client address) and per client
-- address, one row each, locked while an attempt is decided so that parallel guesses are
-- counted exactly.
DROP TABLE login_failures;
CREATE TABLE sign_in_throttle (
    key            TEXT PRIMARY KEY,
    failures       INTEGER NOT NULL,
    window_start   TIMESTAMP NOT NULL,
    blocked_until  TIMESTAMP
);
CREATE INDEX sign_in_throttle_window ON sign_in_throttle (window_start);
