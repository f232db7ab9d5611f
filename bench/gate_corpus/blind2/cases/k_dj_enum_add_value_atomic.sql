BEGIN;
--
-- Raw SQL operation
--
ALTER TYPE "withdrawal_state" ADD VALUE 'cancelled';
COMMIT;
