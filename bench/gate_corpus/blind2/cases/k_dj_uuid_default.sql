BEGIN;
--
-- Add field public_id to withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ADD COLUMN "public_id" uuid DEFAULT (gen_random_uuid()) NOT NULL;
COMMIT;
