BEGIN;
--
-- Alter field ref on invoice
--
SET lock_timeout = '2s';
ALTER TABLE "shop_invoice" ADD CONSTRAINT "shop_invoice_ref_uniq" UNIQUE ("ref");
COMMIT;
