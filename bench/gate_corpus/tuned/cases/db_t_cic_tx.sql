-- migrate:up
CREATE INDEX CONCURRENTLY order_events_created_idx ON order_events (created_at);

-- migrate:down
DROP INDEX order_events_created_idx;
