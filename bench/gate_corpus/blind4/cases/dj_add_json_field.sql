BEGIN;
--
-- Add field preferences to account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ADD COLUMN "preferences" jsonb DEFAULT '{}'::jsonb NOT NULL;
ALTER TABLE "accounts" ALTER COLUMN "preferences" DROP DEFAULT;
COMMIT;
