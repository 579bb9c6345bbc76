-- An objective's optional first and last day (a campaign, a quarter's push), local dates of
-- the account, the last included: no figures or standings outside them.
ALTER TABLE objectives ADD COLUMN starts_on DATE;
ALTER TABLE objectives ADD COLUMN ends_on DATE;
