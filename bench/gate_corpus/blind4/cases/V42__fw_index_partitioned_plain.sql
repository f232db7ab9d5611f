CREATE INDEX orders_client_idx ON orders (client_order_id);
