BEGIN;
SET LOCAL lock_timeout = '2s';
ROLLBACK;
ALTER TABLE payouts ADD COLUMN note text;
