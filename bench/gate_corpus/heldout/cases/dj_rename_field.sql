BEGIN;
--
-- Rename field note on invoice to memo
--
SET lock_timeout = '2s';
ALTER TABLE "shop_invoice" RENAME COLUMN "note" TO "memo";
COMMIT;
