BEGIN;
SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN verified boolean;
UPDATE accounts SET verified = false WHERE id < 10;
COMMIT;
