--
-- Concurrently create index shop_invoice_paid_idx on field(s) paid of model invoice
--
CREATE INDEX CONCURRENTLY "shop_invoice_paid_idx" ON "shop_invoice" ("paid");
