SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD CONSTRAINT orders_account_id_nn CHECK (account_id IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_nn;
ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_account_id_nn;
