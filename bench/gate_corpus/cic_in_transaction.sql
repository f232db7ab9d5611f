SET lock_timeout = '3s';
SET statement_timeout = '15min';
BEGIN;
CREATE INDEX CONCURRENTLY orders_price_idx ON orders (price);
COMMIT;
