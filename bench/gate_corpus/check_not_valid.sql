SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD CONSTRAINT orders_price_positive CHECK (price > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_price_positive;
