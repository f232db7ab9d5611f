SET lock_timeout = '2s';
SET TIME ZONE 'America/New_York';
ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz;
