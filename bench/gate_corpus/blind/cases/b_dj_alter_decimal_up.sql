BEGIN;
--
-- Alter field amount on payment
--
SET lock_timeout = '2s';
ALTER TABLE "payments" ALTER COLUMN "amount" TYPE numeric(18, 2);
COMMIT;
