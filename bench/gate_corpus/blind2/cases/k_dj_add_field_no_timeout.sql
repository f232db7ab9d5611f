BEGIN;
--
-- Add field memo to wallet
--
ALTER TABLE "wallets" ADD COLUMN "memo" varchar(80) NULL;
COMMIT;
