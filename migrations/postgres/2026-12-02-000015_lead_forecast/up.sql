-- When an open lead is expected to close, and how likely it is (0 to 100 %): the
-- revenue forecast weighs the open pipeline of a period by them.
ALTER TABLE leads ADD COLUMN estimated_closing_date DATE;
ALTER TABLE leads ADD COLUMN probability INTEGER CHECK (probability BETWEEN 0 AND 100);
CREATE INDEX leads_by_estimated_closing ON leads (account_id, estimated_closing_date);
