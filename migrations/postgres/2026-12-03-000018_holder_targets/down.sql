DROP TABLE holder_targets;
