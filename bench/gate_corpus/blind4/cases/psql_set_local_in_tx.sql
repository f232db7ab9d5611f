BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);
COMMIT;
