BEGIN;
--
-- Alter field fee on withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ALTER COLUMN "fee" TYPE numeric(28, 8);
COMMIT;
