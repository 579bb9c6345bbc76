DROP TABLE audit_log;
DROP TABLE password_links;
ALTER TABLE users DROP COLUMN locale;
