\set ON_ERROR_STOP on
SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
