-- Your SQL goes here
SET lock_timeout = '2s';
ALTER TABLE audit_events ALTER COLUMN payload TYPE json;
