SET lock_timeout = 0;
ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);
