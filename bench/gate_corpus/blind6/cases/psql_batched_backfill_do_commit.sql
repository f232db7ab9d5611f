DO $$
DECLARE
    done integer;
BEGIN
    LOOP
        UPDATE wallets SET label = coalesce(label, 'wallet ' || id)
        WHERE id IN (SELECT id FROM wallets WHERE label IS NULL LIMIT 20);
        GET DIAGNOSTICS done = ROW_COUNT;
        EXIT WHEN done = 0;
        COMMIT;
    END LOOP;
END
$$;
