BEGIN;
--
-- Add field prefs to customer
--
SET lock_timeout = '2s';
ALTER TABLE "shop_customer" ADD COLUMN "prefs" jsonb DEFAULT '{}'::jsonb NOT NULL;
ALTER TABLE "shop_customer" ALTER COLUMN "prefs" DROP DEFAULT;
COMMIT;
