BEGIN;
--
-- Alter field currency on payment
--
SET lock_timeout = '2s';
ALTER TABLE "payments" ALTER COLUMN "currency" TYPE varchar(3);
COMMIT;
