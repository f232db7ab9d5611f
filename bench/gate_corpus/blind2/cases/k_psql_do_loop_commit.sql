DO $$
DECLARE n integer;
BEGIN
  LOOP
    UPDATE withdrawals SET fee = 0 WHERE id IN (SELECT id FROM withdrawals WHERE fee IS NULL ORDER BY id LIMIT 1000);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    COMMIT;
  END LOOP;
END $$;
