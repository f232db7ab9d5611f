SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN total numeric GENERATED ALWAYS AS (amount + coalesce(fee, 0)) STORED;
