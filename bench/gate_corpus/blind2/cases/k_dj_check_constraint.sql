BEGIN;
--
-- Create constraint withdrawals_amount_positive on model withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_amount_positive" CHECK ("amount" > 0);
COMMIT;
