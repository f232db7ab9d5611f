BEGIN;
--
-- Alter field insurance_fund on liquidation
--
SET lock_timeout = '2s';
ALTER TABLE "liquidations" ALTER COLUMN "insurance_fund_id" DROP NOT NULL;
COMMIT;
