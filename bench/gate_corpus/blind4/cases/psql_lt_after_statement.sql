ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);
SET lock_timeout = '2s';
