-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE withdrawals ADD COLUMN net_amount numeric GENERATED ALWAYS AS (amount - fee) STORED;

-- migrate:down
ALTER TABLE withdrawals DROP COLUMN net_amount;
