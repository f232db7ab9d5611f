BEGIN;
--
-- Add field is_market_maker to account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ADD COLUMN "is_market_maker" boolean DEFAULT false NOT NULL;
ALTER TABLE "accounts" ALTER COLUMN "is_market_maker" DROP DEFAULT;
COMMIT;
