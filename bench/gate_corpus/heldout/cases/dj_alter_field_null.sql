BEGIN;
--
-- Alter field total on invoice
--
SET lock_timeout = '2s';
ALTER TABLE "shop_invoice" ALTER COLUMN "total" DROP NOT NULL;
COMMIT;
