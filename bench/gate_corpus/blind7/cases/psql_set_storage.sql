SET lock_timeout = '2s';
ALTER TABLE audit_events ALTER COLUMN payload SET STORAGE EXTERNAL;
