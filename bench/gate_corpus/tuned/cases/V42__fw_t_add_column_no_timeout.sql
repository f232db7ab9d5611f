ALTER TABLE balances ADD COLUMN locked numeric(20,8);
