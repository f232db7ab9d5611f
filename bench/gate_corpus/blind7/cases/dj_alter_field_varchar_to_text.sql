BEGIN;
--
-- Alter field referral_code on account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ALTER COLUMN "referral_code" TYPE text;
COMMIT;
