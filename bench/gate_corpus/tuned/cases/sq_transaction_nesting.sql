BEGIN;
SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN nick text;
BEGIN;
COMMIT;
