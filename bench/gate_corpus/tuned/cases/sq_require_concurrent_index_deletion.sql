SET lock_timeout = '2s';
DROP INDEX fills_order_id_idx;
