SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN detail SET COMPRESSION pglz;
