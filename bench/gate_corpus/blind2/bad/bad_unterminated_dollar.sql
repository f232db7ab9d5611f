DO $$
BEGIN
  UPDATE withdrawals SET fee = 0 WHERE id = 1;
