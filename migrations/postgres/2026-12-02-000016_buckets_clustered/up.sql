-- Won buckets keyed by account, grain and bucket first: a period's read is one contiguous
-- range of the key covering every user of the account. They keep years too (added up from
-- their months), so that a year reads one row per user and pipeline, not twelve.
ALTER TABLE won_buckets DROP CONSTRAINT won_buckets_pkey;
ALTER TABLE won_buckets ADD PRIMARY KEY (account_id, grain, bucket, user_id, pipeline_id);
ALTER TABLE won_buckets DROP CONSTRAINT won_buckets_grain_check;
ALTER TABLE won_buckets ADD CONSTRAINT won_buckets_grain_check CHECK (grain IN ('day', 'month', 'year'));
INSERT INTO won_buckets (account_id, user_id, pipeline_id, grain, bucket, revenue_cents, won_count)
SELECT account_id, user_id, pipeline_id, 'year', date_trunc('year', bucket)::date, SUM(revenue_cents), SUM(won_count)
FROM won_buckets WHERE grain = 'month'
GROUP BY account_id, user_id, pipeline_id, date_trunc('year', bucket)::date;
