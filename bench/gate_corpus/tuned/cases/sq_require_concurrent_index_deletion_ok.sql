DROP INDEX CONCURRENTLY fills_order_id_idx;
