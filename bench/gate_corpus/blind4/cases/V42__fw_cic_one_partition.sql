CREATE INDEX CONCURRENTLY orders_2026_12_02_client_idx ON orders_2026_12_02 (client_order_id);
