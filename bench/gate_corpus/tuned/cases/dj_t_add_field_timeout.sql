BEGIN;
--
-- Add field venue to fill
--
SET lock_timeout = '2s';
ALTER TABLE "fills" ADD COLUMN "venue" varchar(16) NULL;
COMMIT;
