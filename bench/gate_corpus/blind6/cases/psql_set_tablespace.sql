SET lock_timeout = '2s';
ALTER TABLE audit_log SET TABLESPACE pg_default;
