BEGIN;
--
-- Rename field address on withdrawal to destination
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" RENAME COLUMN "address" TO "destination";
COMMIT;
