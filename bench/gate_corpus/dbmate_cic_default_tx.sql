-- migrate:up
SET lock_timeout = '3s';
CREATE INDEX CONCURRENTLY orders_venue_idx ON orders (venue);

-- migrate:down
DROP INDEX orders_venue_idx;
