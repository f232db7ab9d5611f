BEGIN;
SET LOCAL TimeZone = 'UTC';
SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN at TYPE timestamp;
COMMIT;
