BEGIN;
--
-- Create constraint leverage_range on model marginaccount
--
SET lock_timeout = '2s';
ALTER TABLE "margin_accounts" ADD CONSTRAINT "leverage_range" CHECK ("leverage" BETWEEN 1 AND 200);
COMMIT;
