BEGIN;
--
-- Add field code to customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ADD COLUMN "code" varchar(10) NOT NULL;
COMMIT;
