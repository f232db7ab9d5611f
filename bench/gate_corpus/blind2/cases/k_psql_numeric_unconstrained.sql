SET lock_timeout = '2s';
ALTER TABLE withdrawals ALTER COLUMN fee TYPE numeric;
