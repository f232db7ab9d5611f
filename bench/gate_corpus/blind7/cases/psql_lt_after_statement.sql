BEGIN;
ALTER TABLE positions ADD COLUMN hedge_ref text;
SET LOCAL lock_timeout = '2s';
COMMIT;
