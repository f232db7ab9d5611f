ALTER TABLE trades ALTER COLUMN notional TYPE numeric(24, 2);
