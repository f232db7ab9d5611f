CREATE PROCEDURE backfill_v2() LANGUAGE plpgsql AS $$
BEGIN
    LOOP
        UPDATE audit_events SET payload = payload || '{"v": 2}' WHERE id IN (SELECT id FROM audit_events WHERE NOT payload ? 'v' LIMIT 100);
        EXIT WHEN NOT FOUND;
        COMMIT;
    END LOOP;
END $$;
CALL backfill_v2();
DROP PROCEDURE backfill_v2();
