DO $$
DECLARE n integer;
BEGIN
  LOOP
    UPDATE positions SET mark_price = entry_price
    WHERE id IN (SELECT id FROM positions WHERE mark_price IS NULL LIMIT 500);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    COMMIT;
  END LOOP;
END $$;
