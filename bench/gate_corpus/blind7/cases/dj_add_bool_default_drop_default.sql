BEGIN;
--
-- Add field is_hedge to position
--
SET lock_timeout = '2s';
ALTER TABLE "positions" ADD COLUMN "is_hedge" boolean DEFAULT false NOT NULL;
ALTER TABLE "positions" ALTER COLUMN "is_hedge" DROP DEFAULT;
COMMIT;
