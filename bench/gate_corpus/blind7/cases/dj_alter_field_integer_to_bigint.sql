BEGIN;
--
-- Alter field leverage on marginaccount
--
SET lock_timeout = '2s';
ALTER TABLE "margin_accounts" ALTER COLUMN "leverage" TYPE bigint USING "leverage"::bigint;
COMMIT;
