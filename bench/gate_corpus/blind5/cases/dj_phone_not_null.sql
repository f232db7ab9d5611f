BEGIN;
--
-- Alter field phone on customer
--
SET lock_timeout = '2s';
ALTER TABLE "customers" ALTER COLUMN "phone" SET NOT NULL;
COMMIT;
