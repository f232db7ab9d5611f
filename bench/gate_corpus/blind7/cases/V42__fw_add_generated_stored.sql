SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN notional numeric(38, 10) GENERATED ALWAYS AS (size * entry_price) STORED;
