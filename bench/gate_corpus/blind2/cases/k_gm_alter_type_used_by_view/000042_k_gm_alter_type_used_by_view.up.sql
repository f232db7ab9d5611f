SET lock_timeout = '2s';
ALTER TABLE withdrawals ALTER COLUMN amount TYPE numeric(40,18);
