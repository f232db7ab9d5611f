BEGIN;
SET LOCAL TimeZone = 'Asia/Singapore';
SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN at TYPE timestamp;
COMMIT;
