BEGIN;
--
-- Concurrently create index on field(s) ref of model invoice
--
CREATE INDEX CONCURRENTLY "shop_invoice_ref_idx" ON "shop_invoice" ("ref");
COMMIT;
