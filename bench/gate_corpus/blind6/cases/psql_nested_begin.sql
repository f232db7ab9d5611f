BEGIN;
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE payouts ADD COLUMN note text;
COMMIT;
COMMIT;
