-- The account's seasonality profile: twelve monthly weights in hundredths, January first,
-- comma-separated; none: every month alike.
ALTER TABLE accounts ADD COLUMN seasonality TEXT;
