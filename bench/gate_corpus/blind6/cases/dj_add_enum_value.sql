BEGIN;
--
-- Raw SQL operation
--
ALTER TYPE "payout_status" ADD VALUE 'cancelled';
COMMIT;
