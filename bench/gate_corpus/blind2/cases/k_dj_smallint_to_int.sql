BEGIN;
--
-- Alter field confirmations on deposit
--
SET lock_timeout = '2s';
ALTER TABLE "deposits" ALTER COLUMN "confirmations" TYPE integer USING "confirmations"::integer;
COMMIT;
