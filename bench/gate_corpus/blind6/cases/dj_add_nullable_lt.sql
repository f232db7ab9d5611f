BEGIN;
--
-- Add field desk_notes to quote
--
SET lock_timeout = '2s';
ALTER TABLE "quotes" ADD COLUMN "desk_notes" text NULL;
COMMIT;
