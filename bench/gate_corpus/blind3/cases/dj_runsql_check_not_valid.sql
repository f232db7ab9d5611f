BEGIN;
--
-- Raw SQL operation
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Raw SQL operation
--
ALTER TABLE "positions" ADD CONSTRAINT "positive_entry" CHECK ("entry_price" > 0) NOT VALID;
COMMIT;
