DROP INDEX CONCURRENTLY orders_status_idx, fills_order_id_idx;
