BEGIN;
--
-- Alter field nickname on customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ALTER COLUMN "nickname" TYPE varchar(10);
COMMIT;
