BEGIN;
--
-- Add field public_id to account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ADD COLUMN "public_id" uuid DEFAULT (gen_random_uuid()) NOT NULL;
COMMIT;
