SET lock_timeout = '3s';
SET statement_timeout = '15min';
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_qty_positive CHECK (qty > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_qty_positive;
COMMIT;
