BEGIN;
--
-- Add field venue to fill
--
ALTER TABLE "fills" ADD COLUMN "venue" varchar(16) NULL;
COMMIT;
