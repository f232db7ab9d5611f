SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN payload SET STORAGE EXTERNAL;
