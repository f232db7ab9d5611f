CREATE INDEX CONCURRENTLY orders_client_idx ON orders (client_order_id);
