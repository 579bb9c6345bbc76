DROP TABLE objective_buckets;
