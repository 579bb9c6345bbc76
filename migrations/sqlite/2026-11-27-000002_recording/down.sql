DROP TABLE won_buckets;
DROP TABLE activity_buckets;
DROP TABLE activities;
DROP TABLE prospects;
DROP TABLE leads;
DROP TABLE pipelines;
DROP TABLE outcomes;
DROP TABLE actions;
