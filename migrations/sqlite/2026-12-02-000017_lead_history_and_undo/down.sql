DROP TABLE deleted_activities;
DROP TABLE lead_changes;
