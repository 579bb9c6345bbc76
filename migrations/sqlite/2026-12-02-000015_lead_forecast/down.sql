DROP INDEX leads_by_estimated_closing;
ALTER TABLE leads DROP COLUMN probability;
ALTER TABLE leads DROP COLUMN estimated_closing_date;
