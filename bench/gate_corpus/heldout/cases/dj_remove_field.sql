BEGIN;
--
-- Remove field nickname from customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" DROP COLUMN "nickname" CASCADE;
COMMIT;
