SET lock_timeout = '2s';
ALTER TABLE trades ALTER COLUMN notional TYPE numeric(30, 4);
