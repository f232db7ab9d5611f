-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE audit_log ADD COLUMN seq bigserial;

-- migrate:down
ALTER TABLE audit_log DROP COLUMN seq;
