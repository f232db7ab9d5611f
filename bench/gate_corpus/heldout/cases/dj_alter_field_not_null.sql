BEGIN;
--
-- Alter field note on invoice
--
UPDATE "shop_invoice" SET "note" = '' WHERE "note" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "shop_invoice" ALTER COLUMN "note" SET NOT NULL;
COMMIT;
