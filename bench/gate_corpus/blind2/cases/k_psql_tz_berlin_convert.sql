SET timezone = 'Europe/Berlin';
SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN at TYPE timestamptz;
