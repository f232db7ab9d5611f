BEGIN;
SET lock_timeout = '2s';
COMMIT;
ALTER TABLE positions ADD COLUMN hedge_ref text;
