BEGIN;
SET lock_timeout = '2s';
ALTER TABLE api_keys ADD COLUMN rate_limit integer;
UPDATE api_keys SET rate_limit = 100;
COMMIT;
