BEGIN;
--
-- Create constraint leverage_max_100 on model marginaccount
--
SET lock_timeout = '2s';
ALTER TABLE "margin_accounts" ADD CONSTRAINT "leverage_max_100" CHECK ("leverage" <= 100);
COMMIT;
