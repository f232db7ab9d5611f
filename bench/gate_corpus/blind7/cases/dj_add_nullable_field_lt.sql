BEGIN;
--
-- Add field risk_note to position
--
SET lock_timeout = '2s';
ALTER TABLE "positions" ADD COLUMN "risk_note" text NULL;
COMMIT;
