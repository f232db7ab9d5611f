SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE balances ALTER COLUMN amount TYPE numeric(24,10);
