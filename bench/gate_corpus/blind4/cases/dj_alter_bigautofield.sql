BEGIN;
--
-- Alter field id on referralpayout
--
SET lock_timeout = '2s';
ALTER TABLE "referral_payouts" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
ALTER SEQUENCE IF EXISTS "referral_payouts_id_seq" AS bigint;
COMMIT;
