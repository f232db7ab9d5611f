BEGIN;
--
-- Add field auto_renew to loan
--
SET lock_timeout = '2s';
ALTER TABLE "loans" ADD COLUMN "auto_renew" boolean DEFAULT false NOT NULL;
ALTER TABLE "loans" ALTER COLUMN "auto_renew" DROP DEFAULT;
COMMIT;
