BEGIN;
--
-- Remove field reviewer from kyccase
--
SET lock_timeout = '2s';
ALTER TABLE "kyc_cases" DROP COLUMN "reviewer" CASCADE;
COMMIT;
