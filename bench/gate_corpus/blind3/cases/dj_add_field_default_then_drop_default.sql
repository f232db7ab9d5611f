BEGIN;
--
-- Add field risk_group to marginaccount
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Add field risk_group to marginaccount
--
ALTER TABLE "margin_accounts" ADD COLUMN "risk_group" varchar(16) DEFAULT 'standard' NOT NULL;
ALTER TABLE "margin_accounts" ALTER COLUMN "risk_group" DROP DEFAULT;
COMMIT;
