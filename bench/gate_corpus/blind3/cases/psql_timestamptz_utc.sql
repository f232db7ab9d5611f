SET lock_timeout = '2s';
SET TIME ZONE 'UTC';
ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz;
