SET lock_timeout = '2s';
ALTER TABLE fills ADD COLUMN notional numeric GENERATED ALWAYS AS (qty * price) STORED;
