BEGIN;
--
-- Create constraint leverage_matches on model position
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Create constraint positive_entry on model position
--
ALTER TABLE "positions" ADD CONSTRAINT "positive_entry" CHECK ("entry_price" > 0);
COMMIT;
