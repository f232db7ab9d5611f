BEGIN;
--
-- Alter field label on wallet
--
SET lock_timeout = '2s';
ALTER TABLE "wallets" ALTER COLUMN "label" TYPE varchar(64);
COMMIT;
