DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE occurred_at < '2026-08-05' ORDER BY id LIMIT 500);
