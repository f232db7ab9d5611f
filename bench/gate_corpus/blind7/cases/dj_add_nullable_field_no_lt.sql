BEGIN;
--
-- Add field risk_note to position
--
ALTER TABLE "positions" ADD COLUMN "risk_note" text NULL;
COMMIT;
