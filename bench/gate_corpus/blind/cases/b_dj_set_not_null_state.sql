BEGIN;
--
-- Alter field state on payment
--
SET lock_timeout = '2s';
ALTER TABLE "payments" ALTER COLUMN "state" SET NOT NULL;
COMMIT;
