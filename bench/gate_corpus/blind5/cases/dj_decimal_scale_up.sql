BEGIN;
--
-- Alter field amount on fiatdeposit
--
SET lock_timeout = '2s';
ALTER TABLE "fiat_deposits" ALTER COLUMN "amount" TYPE numeric(18, 4);
COMMIT;
