-- migrate:up
SET lock_timeout = '2s';
TRUNCATE comments;

-- migrate:down
SELECT 1;
