BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN settlement_note text;
SELECT pg_sleep(3);
COMMIT;
