BEGIN;
--
-- Alter field address on withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ALTER COLUMN "address" TYPE varchar(40);
COMMIT;
