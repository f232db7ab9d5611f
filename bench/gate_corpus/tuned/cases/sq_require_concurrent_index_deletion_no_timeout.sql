DROP INDEX fills_order_id_idx;
