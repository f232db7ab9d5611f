SET lock_timeout TO 1500;
ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);
