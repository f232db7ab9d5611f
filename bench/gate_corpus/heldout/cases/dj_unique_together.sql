BEGIN;
--
-- Alter unique_together for line
--
ALTER TABLE "shop_line" ADD CONSTRAINT "shop_line_invoice_id_sku_uniq" UNIQUE ("invoice_id", "sku");
COMMIT;
