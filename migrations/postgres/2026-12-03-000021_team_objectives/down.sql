DROP TABLE team_targets;
DROP TABLE team_assignments;
DROP TABLE team_spells;
