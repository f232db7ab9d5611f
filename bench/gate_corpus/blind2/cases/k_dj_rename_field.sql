BEGIN;
--
-- Rename field label on wallet to display_name
--
SET lock_timeout = '2s';
ALTER TABLE "wallets" RENAME COLUMN "label" TO "display_name";
COMMIT;
