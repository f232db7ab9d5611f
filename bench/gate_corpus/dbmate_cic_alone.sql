-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_venue_idx ON orders (venue);

-- migrate:down
DROP INDEX orders_venue_idx;
