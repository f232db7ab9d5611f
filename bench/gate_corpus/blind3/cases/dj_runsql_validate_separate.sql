BEGIN;
--
-- Raw SQL operation
--
--
-- Raw SQL operation
--
ALTER TABLE "positions" VALIDATE CONSTRAINT "positions_size_nonneg";
COMMIT;
