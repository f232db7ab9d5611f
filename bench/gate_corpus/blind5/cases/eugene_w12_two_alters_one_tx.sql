BEGIN;
SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN servicer text;
ALTER TABLE loans ADD COLUMN servicer_ref text;
COMMIT;
