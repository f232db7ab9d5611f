SET lock_timeout = '3s';
SET statement_timeout = '15min';
REINDEX INDEX CONCURRENTLY orders_status_idx;
