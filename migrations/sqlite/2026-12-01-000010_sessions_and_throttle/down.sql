DROP TABLE sign_in_throttle;
DROP TABLE sessions;
CREATE TABLE login_failures (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL,
    attempted_at  TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_email_at ON login_failures (email, attempted_at);
