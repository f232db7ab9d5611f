BEGIN;
--
-- Alter field country on account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ALTER COLUMN "country" SET NOT NULL;
COMMIT;
