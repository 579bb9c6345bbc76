DROP TABLE account_rebuilds;
DROP TABLE holidays;
ALTER TABLE accounts DROP COLUMN working_days;
ALTER TABLE accounts DROP COLUMN fiscal_year_start;
