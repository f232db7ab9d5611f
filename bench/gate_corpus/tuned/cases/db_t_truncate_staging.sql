-- migrate:up
SET lock_timeout = '2s';
TRUNCATE orders_staging;

-- migrate:down
SELECT 1;
