DO $$
DECLARE n bigint := 0;
BEGIN
    LOOP
        UPDATE audit_events SET payload = payload || '{"v": 2}' WHERE id IN (SELECT id FROM audit_events WHERE NOT payload ? 'v' LIMIT 100);
        EXIT WHEN NOT FOUND;
    END LOOP;
END $$;
