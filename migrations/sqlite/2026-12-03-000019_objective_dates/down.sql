ALTER TABLE objectives DROP COLUMN ends_on;
ALTER TABLE objectives DROP COLUMN starts_on;
