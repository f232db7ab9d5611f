BEGIN;
SET lock_timeout = '2s';
ROLLBACK;
ALTER TABLE positions ADD COLUMN hedge_ref text;
