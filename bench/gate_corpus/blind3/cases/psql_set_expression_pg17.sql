SET lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN notional SET EXPRESSION AS (size * coalesce(mark_price, entry_price));
