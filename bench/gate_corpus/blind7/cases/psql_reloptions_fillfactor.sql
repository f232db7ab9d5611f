ALTER TABLE margin_accounts SET (fillfactor = 80);
