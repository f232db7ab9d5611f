-- migrate:up
SET lock_timeout = '2s';
TRUNCATE legacy_cold_storage;

-- migrate:down
SELECT 1;
