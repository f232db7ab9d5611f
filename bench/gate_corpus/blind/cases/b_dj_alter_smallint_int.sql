BEGIN;
--
-- Alter field attempt on payment
--
SET lock_timeout = '2s';
ALTER TABLE "payments" ALTER COLUMN "attempt" TYPE integer;
COMMIT;
