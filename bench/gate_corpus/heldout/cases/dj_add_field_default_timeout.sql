BEGIN;
--
-- Add field vip to customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ADD COLUMN "vip" boolean DEFAULT false NOT NULL;
ALTER TABLE "shop_customer" ALTER COLUMN "vip" DROP DEFAULT;
COMMIT;
