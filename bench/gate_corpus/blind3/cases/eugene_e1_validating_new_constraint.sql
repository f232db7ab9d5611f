SET lock_timeout = '2s';
ALTER TABLE margin_accounts ADD CONSTRAINT locked_le_balance CHECK (locked_margin <= balance + 1000000);
