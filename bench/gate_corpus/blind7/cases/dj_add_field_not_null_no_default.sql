BEGIN;
--
-- Add field settlement_asset to position
--
SET lock_timeout = '2s';
ALTER TABLE "positions" ADD COLUMN "settlement_asset" varchar(10) NOT NULL;
COMMIT;
