SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE fills ADD COLUMN notional numeric GENERATED ALWAYS AS (price * qty) STORED;
