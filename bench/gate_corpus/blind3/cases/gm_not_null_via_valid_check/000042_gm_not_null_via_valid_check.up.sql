SET lock_timeout = '2s';
ALTER TABLE audit_log VALIDATE CONSTRAINT audit_log_payload_present;
ALTER TABLE audit_log ALTER COLUMN payload SET NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_payload_present;
