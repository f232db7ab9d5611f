BEGIN;
--
-- Add field invoice to line
--
ALTER TABLE "shop_line" ADD CONSTRAINT "shop_line_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "shop_invoice" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "shop_line_invoice_id_1c2d" ON "shop_line" ("invoice_id");
COMMIT;
