-- Counts the saves of a lead, so that a form saved over someone else's newer save is
-- refused instead of silently undoing it.
ALTER TABLE leads ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
