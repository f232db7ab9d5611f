BEGIN;
--
-- Remove index quotes_rfq_idx from quote
--
DROP INDEX IF EXISTS "quotes_rfq_idx";
COMMIT;
