-- An e-mail is unique within its account, not across accounts: an admin must not learn
-- from a refusal that someone of another company uses an address. SQLite cannot drop the
-- column's UNIQUE, so the table is rebuilt, with foreign keys off (they only take effect
-- outside a transaction, hence run_in_transaction = false) and checked before committing.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users_rebuilt (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id      INTEGER NOT NULL REFERENCES accounts (id),
    email           TEXT NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash   TEXT NOT NULL,
    session_version INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMP NOT NULL,
    locale          TEXT CHECK (locale IN ('en', 'it')),
    UNIQUE (account_id, id),
    UNIQUE (account_id, email)
);
INSERT INTO users_rebuilt (id, account_id, email, name, role, active, password_hash, session_version, created_at, locale)
    SELECT id, account_id, email, name, role, active, password_hash, session_version, created_at, locale FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
CREATE INDEX users_account ON users (account_id);
CREATE INDEX users_email ON users (email);
COMMIT;
PRAGMA foreign_keys = ON;
