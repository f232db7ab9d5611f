BEGIN;
--
-- Alter field created on customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ALTER COLUMN "created" TYPE timestamp with time zone;
COMMIT;
