SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN net_amount numeric GENERATED ALWAYS AS (amount - fee) VIRTUAL;
