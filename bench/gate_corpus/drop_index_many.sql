SET lock_timeout = '3s';
SET statement_timeout = '15min';
DROP INDEX IF EXISTS orders_status_idx, fills_order_id_idx;
