BEGIN;
--
-- Add field desk_notes to quote
--
ALTER TABLE "quotes" ADD COLUMN "desk_notes" text NULL;
COMMIT;
