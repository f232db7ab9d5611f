BEGIN;
--
-- Alter field collateral_asset on marginaccount
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Alter field collateral_asset on marginaccount
--
ALTER TABLE "margin_accounts" ALTER COLUMN "collateral_asset" SET NOT NULL;
COMMIT;
