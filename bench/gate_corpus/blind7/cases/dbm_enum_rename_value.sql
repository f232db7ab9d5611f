-- migrate:up
SET lock_timeout = '2s';
ALTER TYPE market_status RENAME VALUE 'reduce_only' TO 'close_only';

-- migrate:down
ALTER TYPE market_status RENAME VALUE 'close_only' TO 'reduce_only';
