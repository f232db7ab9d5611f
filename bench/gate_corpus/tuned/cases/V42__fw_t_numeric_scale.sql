SET lock_timeout = '2s';
ALTER TABLE balances ALTER COLUMN amount TYPE numeric(24,10);
