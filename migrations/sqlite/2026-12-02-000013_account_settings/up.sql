-- Settings an admin changes from the Control Panel: the month the fiscal year begins
-- (quarters and years follow it) and the working days pace counts.
ALTER TABLE accounts ADD COLUMN fiscal_year_start INTEGER NOT NULL DEFAULT 1
    CHECK (fiscal_year_start BETWEEN 1 AND 12);
ALTER TABLE accounts ADD COLUMN working_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri';

-- Days nobody is expected to work, by name.
CREATE TABLE holidays (
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    day         DATE NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (account_id, day)
);

-- A change of time zone being applied to the account's history: each activity's and
-- lead's local date is reckoned again in the new zone, batch by batch in id order, its
-- buckets moved with it in the same transaction. Rows written after the change (ids above
-- the `_through` marks) are already in the new zone. One row per account at most; it is
-- deleted when the last batch commits, so a restart resumes from `_done_to`.
CREATE TABLE account_rebuilds (
    account_id           BIGINT PRIMARY KEY REFERENCES accounts (id),
    time_zone            TEXT NOT NULL,
    activities_through   BIGINT NOT NULL,
    activities_done_to   BIGINT NOT NULL,
    leads_through        BIGINT NOT NULL,
    leads_done_to        BIGINT NOT NULL,
    total                BIGINT NOT NULL,
    done                 BIGINT NOT NULL,
    started_at           TIMESTAMP NOT NULL
);
