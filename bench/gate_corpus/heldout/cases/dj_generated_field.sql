BEGIN;
--
-- Add field total_cents to invoice
--
SET lock_timeout = '2s';
ALTER TABLE "shop_invoice" ADD COLUMN "total_cents" bigint GENERATED ALWAYS AS (("total" * 100)::bigint) STORED;
COMMIT;
