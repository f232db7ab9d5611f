BEGIN;
--
-- Raw SQL operation
--
UPDATE "shop_customer" SET "flags" = 0;
COMMIT;
