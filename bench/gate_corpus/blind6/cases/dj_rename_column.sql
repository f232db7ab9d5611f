BEGIN;
--
-- Rename field label on wallet to nickname
--
ALTER TABLE "wallets" RENAME COLUMN "label" TO "nickname";
COMMIT;
