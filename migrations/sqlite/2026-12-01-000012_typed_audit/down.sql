-- Typed entries cannot be written back as the prose they replaced: they are kept as JSON.
ALTER TABLE audit_log ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN before TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN after TEXT NOT NULL DEFAULT '';
UPDATE audit_log SET subject = details;
ALTER TABLE audit_log DROP COLUMN details;
