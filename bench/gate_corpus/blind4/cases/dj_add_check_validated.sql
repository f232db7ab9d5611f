BEGIN;
--
-- Create constraint fee_non_negative on model withdrawal
--
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ADD CONSTRAINT "fee_non_negative" CHECK ("fee" >= 0);
COMMIT;
