-- Back to rowid tables, won buckets keyed by user first and without years.

CREATE TABLE activity_buckets_rekeyed (
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
INSERT INTO activity_buckets_rekeyed (account_id, user_id, outcome_id, subject_kind, pipeline_id, grain, bucket, count)
SELECT account_id, user_id, outcome_id, subject_kind, pipeline_id, grain, bucket, count FROM activity_buckets;
DROP TABLE activity_buckets;
ALTER TABLE activity_buckets_rekeyed RENAME TO activity_buckets;

CREATE TABLE won_buckets_rekeyed (
    account_id     INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    pipeline_id    INTEGER NOT NULL,
    grain          TEXT NOT NULL CHECK (grain IN ('day', 'month')),
    bucket         DATE NOT NULL,
    revenue_cents  INTEGER NOT NULL,
    won_count      INTEGER NOT NULL,
    PRIMARY KEY (account_id, user_id, grain, bucket, pipeline_id)
);
INSERT INTO won_buckets_rekeyed (account_id, user_id, pipeline_id, grain, bucket, revenue_cents, won_count)
SELECT account_id, user_id, pipeline_id, grain, bucket, revenue_cents, won_count FROM won_buckets WHERE grain <> 'year';
DROP TABLE won_buckets;
ALTER TABLE won_buckets_rekeyed RENAME TO won_buckets;

CREATE TABLE objective_buckets_rekeyed (
    account_id    INTEGER NOT NULL,
    objective_id  INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    grain         TEXT NOT NULL CHECK (grain IN ('day', 'month', 'year')),
    bucket        DATE NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (objective_id, grain, bucket, user_id),
    FOREIGN KEY (account_id, objective_id) REFERENCES objectives (account_id, id)
);
INSERT INTO objective_buckets_rekeyed (account_id, objective_id, user_id, grain, bucket, count)
SELECT account_id, objective_id, user_id, grain, bucket, count FROM objective_buckets;
DROP TABLE objective_buckets;
ALTER TABLE objective_buckets_rekeyed RENAME TO objective_buckets;
