SET lock_timeout = '2s';
ALTER TABLE audit_events SET TABLESPACE pg_default;
