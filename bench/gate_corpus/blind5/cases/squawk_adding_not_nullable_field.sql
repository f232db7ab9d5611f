SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN client_ip SET NOT NULL;
