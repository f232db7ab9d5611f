SET lock_timeout = '2s';
CREATE INDEX orders_client_idx ON ONLY orders (client_order_id);
