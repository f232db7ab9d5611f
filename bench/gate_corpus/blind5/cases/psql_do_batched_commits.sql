DO $$
DECLARE
    done integer;
BEGIN
    LOOP
        UPDATE collateral_positions SET haircut_bps = 250
        WHERE id IN (SELECT id FROM collateral_positions WHERE haircut_bps = 0 AND asset = 'SOL' LIMIT 200);
        GET DIAGNOSTICS done = ROW_COUNT;
        EXIT WHEN done = 0;
        COMMIT;
    END LOOP;
END
$$;
