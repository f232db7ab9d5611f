BEGIN;
--
-- Alter field credited_at on deposit
--
SET lock_timeout = '2s';
ALTER TABLE "deposits" ALTER COLUMN "confirmations" DROP NOT NULL;
COMMIT;
