DROP TABLE assignments;
DROP TABLE objective_targets;
DROP TABLE objective_outcomes;
DROP TABLE objectives;
