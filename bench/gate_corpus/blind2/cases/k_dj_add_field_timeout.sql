BEGIN;
--
-- Add field memo to wallet
--
SET lock_timeout = '2s';
ALTER TABLE "wallets" ADD COLUMN "memo" varchar(80) NULL;
COMMIT;
