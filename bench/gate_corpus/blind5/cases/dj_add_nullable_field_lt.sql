BEGIN;
--
-- Add field restructured_at to loan
--
SET lock_timeout = '2s';
ALTER TABLE "loans" ADD COLUMN "restructured_at" timestamp with time zone NULL;
COMMIT;
