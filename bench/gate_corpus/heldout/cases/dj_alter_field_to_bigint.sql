BEGIN;
--
-- Alter field flags on customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ALTER COLUMN "flags" TYPE bigint USING "flags"::bigint;
COMMIT;
