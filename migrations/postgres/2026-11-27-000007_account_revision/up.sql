-- Counts the committed changes to an account's data: every write transaction of the
-- account adds one, so a page computed at revision N is still right while it reads N.
ALTER TABLE accounts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
