--
-- Concurrently remove index shop_invoice_status_idx from invoice
--
DROP INDEX CONCURRENTLY IF EXISTS "shop_invoice_status_idx";
