BEGIN;
--
-- Alter field score on customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ALTER COLUMN "score" TYPE numeric(8, 3);
COMMIT;
