SET lock_timeout = '3s';
SET statement_timeout = '15min';
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
