BEGIN;
--
-- Alter field price on order
--
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "price" TYPE numeric(16, 4);
COMMIT;
