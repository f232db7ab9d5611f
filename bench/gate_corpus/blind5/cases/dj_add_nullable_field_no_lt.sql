BEGIN;
--
-- Add field restructured_at to loan
--
ALTER TABLE "loans" ADD COLUMN "restructured_at" timestamp with time zone NULL;
COMMIT;
