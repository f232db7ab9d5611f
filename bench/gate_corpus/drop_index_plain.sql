SET lock_timeout = '3s';
SET statement_timeout = '15min';
DROP INDEX orders_status_idx;
