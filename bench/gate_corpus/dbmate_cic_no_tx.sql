-- migrate:up transaction:false
SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_venue_idx ON orders (venue);

-- migrate:down
DROP INDEX orders_venue_idx;
