-- Administration: each user's preferred language, one-time set-password links, and the
-- append-only audit log.

ALTER TABLE users ADD COLUMN locale TEXT CHECK (locale IN ('en', 'it'));

-- Only a hash of the token is kept: the link itself is shown once, to the admin.
CREATE TABLE password_links (
    token_hash  TEXT PRIMARY KEY,
    account_id  INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    actor_id    INTEGER,
    at          TIMESTAMP NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL
);
CREATE INDEX audit_log_account_at ON audit_log (account_id, at);
