BEGIN;
--
-- Alter field referral_code on client
--
SET lock_timeout = '2s';
ALTER TABLE "clients" ALTER COLUMN "referral_code" SET NOT NULL;
COMMIT;
