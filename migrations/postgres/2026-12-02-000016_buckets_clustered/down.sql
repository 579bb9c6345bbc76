DELETE FROM won_buckets WHERE grain = 'year';
ALTER TABLE won_buckets DROP CONSTRAINT won_buckets_grain_check;
ALTER TABLE won_buckets ADD CONSTRAINT won_buckets_grain_check CHECK (grain IN ('day', 'month'));
ALTER TABLE won_buckets DROP CONSTRAINT won_buckets_pkey;
ALTER TABLE won_buckets ADD PRIMARY KEY (account_id, user_id, grain, bucket, pipeline_id);
