BEGIN;
--
-- Create constraint total_positive on model invoice
--
ALTER TABLE "shop_invoice" ADD CONSTRAINT "total_positive" CHECK ("total" >= 0);
COMMIT;
