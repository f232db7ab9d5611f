BEGIN;
SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN pnl_currency text;
UPDATE positions SET pnl_currency = 'USDT';
ALTER TABLE positions ALTER COLUMN pnl_currency SET NOT NULL;
COMMIT;
