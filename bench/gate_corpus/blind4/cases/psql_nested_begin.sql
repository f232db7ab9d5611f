BEGIN;
SET lock_timeout = '2s';
ALTER TABLE tickers ADD COLUMN open_24h numeric(30, 12);
BEGIN;
ALTER TABLE tickers ADD COLUMN close_24h numeric(30, 12);
COMMIT;
COMMIT;
