BEGIN;
--
-- Alter field symbol on market
--
SET lock_timeout = '2s';
ALTER TABLE "markets" ALTER COLUMN "symbol" TYPE varchar(32);
COMMIT;
