SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN debug json;
