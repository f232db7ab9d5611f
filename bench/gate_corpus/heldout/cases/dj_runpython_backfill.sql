BEGIN;
--
-- Raw SQL operation
--
UPDATE "shop_invoice" SET "paid" = false WHERE "paid" IS NULL;
COMMIT;
