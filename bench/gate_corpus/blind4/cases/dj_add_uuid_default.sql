BEGIN;
--
-- Add field public_id to deposit
--
SET lock_timeout = '2s';
ALTER TABLE "deposits" ADD COLUMN "public_id" uuid DEFAULT gen_random_uuid() NOT NULL;
COMMIT;
