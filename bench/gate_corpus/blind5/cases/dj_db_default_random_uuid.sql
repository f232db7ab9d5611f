BEGIN;
--
-- Add field public_id to loan
--
SET lock_timeout = '2s';
ALTER TABLE "loans" ADD COLUMN "public_id" uuid DEFAULT (gen_random_uuid()) NOT NULL;
COMMIT;
