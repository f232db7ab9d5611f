BEGIN;
--
-- Add field uuid to invoice
--
SET lock_timeout = '2s';
ALTER TABLE "shop_invoice" ADD COLUMN "uuid" uuid DEFAULT gen_random_uuid() NOT NULL;
COMMIT;
