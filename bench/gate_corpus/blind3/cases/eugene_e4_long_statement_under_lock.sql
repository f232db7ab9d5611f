BEGIN;
SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN risk_bucket smallint;
UPDATE positions SET risk_bucket = 1 WHERE status = 'closed';
COMMIT;
