BEGIN;
--
-- Remove field frozen from wallet
--
SET lock_timeout = '2s';
ALTER TABLE "wallets" DROP COLUMN "frozen" CASCADE;
COMMIT;
