SET lock_timeout = '3s';
SET statement_timeout = '15min';
BEGIN;
DROP INDEX CONCURRENTLY orders_status_idx;
COMMIT;
