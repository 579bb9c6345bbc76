-- Audit entries become typed events, stored as JSON and worded when read, in the reader's
-- language. The entries written before are converted: their English words (role and
-- edition names, numbers) become the typed values; targets, whose amounts were written
-- out in the account's language, stay as written ("legacy").
ALTER TABLE audit_log ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
UPDATE audit_log SET
    details = CASE action
        WHEN 'edition changed' THEN json_build_object('action', 'edition_changed', 'before', CASE before WHEN 'Solopreneur' THEN 'solopreneur' WHEN 'Sales Essentials' THEN 'sales_essentials' WHEN 'Dream Team' THEN 'dream_team' END, 'after', CASE after WHEN 'Solopreneur' THEN 'solopreneur' WHEN 'Sales Essentials' THEN 'sales_essentials' WHEN 'Dream Team' THEN 'dream_team' END)
        WHEN 'licences changed' THEN json_build_object('action', 'licences_changed', 'before', CAST(before AS BIGINT), 'after', CAST(after AS BIGINT))
        WHEN 'user created' THEN json_build_object('action', 'user_created', 'email', subject, 'role', CASE after WHEN 'Admin' THEN 'admin' WHEN 'Manager' THEN 'manager' WHEN 'Rep' THEN 'rep' END)
        WHEN 'role changed' THEN json_build_object('action', 'role_changed', 'email', subject, 'before', CASE before WHEN 'Admin' THEN 'admin' WHEN 'Manager' THEN 'manager' WHEN 'Rep' THEN 'rep' END, 'after', CASE after WHEN 'Admin' THEN 'admin' WHEN 'Manager' THEN 'manager' WHEN 'Rep' THEN 'rep' END)
        WHEN 'user deactivated' THEN json_build_object('action', 'user_deactivated', 'email', subject)
        WHEN 'user reactivated' THEN json_build_object('action', 'user_reactivated', 'email', subject)
        WHEN 'objective created' THEN json_build_object('action', 'objective_created', 'name', subject, 'kind', after)
        WHEN 'objective changed' THEN json_build_object('action', 'objective_changed', 'name', subject, 'before_name', before)
        WHEN 'objective archived' THEN json_build_object('action', 'objective_archived', 'name', subject)
        WHEN 'objective restored' THEN json_build_object('action', 'objective_restored', 'name', subject)
        ELSE json_build_object('action', 'legacy', 'legacy_action', action, 'subject', subject, 'before', before, 'after', after)
    END::text,
    action = CASE action
        WHEN 'edition changed' THEN 'edition_changed'
        WHEN 'licences changed' THEN 'licences_changed'
        WHEN 'user created' THEN 'user_created'
        WHEN 'role changed' THEN 'role_changed'
        WHEN 'user deactivated' THEN 'user_deactivated'
        WHEN 'user reactivated' THEN 'user_reactivated'
        WHEN 'objective created' THEN 'objective_created'
        WHEN 'objective changed' THEN 'objective_changed'
        WHEN 'objective archived' THEN 'objective_archived'
        WHEN 'objective restored' THEN 'objective_restored'
        ELSE 'legacy'
    END;
ALTER TABLE audit_log DROP COLUMN subject;
ALTER TABLE audit_log DROP COLUMN before;
ALTER TABLE audit_log DROP COLUMN after;
