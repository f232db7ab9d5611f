SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_client_nn NOT NULL client_order_id NOT VALID;
