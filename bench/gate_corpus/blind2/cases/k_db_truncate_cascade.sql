-- migrate:up
SET lock_timeout = '2s';
TRUNCATE clients CASCADE;

-- migrate:down
SELECT 1;
