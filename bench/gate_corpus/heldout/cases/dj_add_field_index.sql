BEGIN;
--
-- Add field ext_id to invoice
--
ALTER TABLE "shop_invoice" ADD COLUMN "ext_id" varchar(64) NULL;
CREATE INDEX "shop_invoice_ext_id_3a1b" ON "shop_invoice" ("ext_id");
COMMIT;
