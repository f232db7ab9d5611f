SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE fills ADD CONSTRAINT fills_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
