BEGIN;
--
-- Raw SQL operation
--
UPDATE "wallets" SET "label" = '' WHERE "label" IS NULL;
COMMIT;
