ALTER TABLE withdrawals SET (fillfactor = 90);
