BEGIN;
--
-- Remove field note from account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" DROP COLUMN "note" CASCADE;
COMMIT;
