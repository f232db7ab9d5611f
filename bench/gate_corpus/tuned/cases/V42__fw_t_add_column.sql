SET lock_timeout = '2s';
ALTER TABLE balances ADD COLUMN locked numeric(20,8);
