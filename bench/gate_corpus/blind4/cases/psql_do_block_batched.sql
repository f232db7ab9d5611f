DO $$
DECLARE n int;
BEGIN
  LOOP
    UPDATE referral_payouts SET amount = round(amount, 8) WHERE id IN (SELECT id FROM referral_payouts WHERE amount <> round(amount, 8) LIMIT 500);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
  END LOOP;
END $$;
