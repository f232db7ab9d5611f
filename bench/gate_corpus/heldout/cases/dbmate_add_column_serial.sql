-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE comments ADD COLUMN seq bigserial;

-- migrate:down
ALTER TABLE comments DROP COLUMN seq;
