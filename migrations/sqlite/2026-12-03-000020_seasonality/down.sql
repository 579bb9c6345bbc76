ALTER TABLE accounts DROP COLUMN seasonality;
