BEGIN;
--
-- Create constraint balance_nonneg on model marginaccount
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Create constraint balance_nonneg on model marginaccount
--
ALTER TABLE "margin_accounts" ADD CONSTRAINT "balance_nonneg" CHECK ("balance" >= 0);
COMMIT;
