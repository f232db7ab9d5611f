-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE order_events ADD COLUMN payload jsonb;

-- migrate:down
ALTER TABLE order_events DROP COLUMN payload;
