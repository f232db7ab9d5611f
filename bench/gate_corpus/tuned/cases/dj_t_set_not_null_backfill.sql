BEGIN;
--
-- Alter field created_at on fill
--
UPDATE "fills" SET "created_at" = now() WHERE "created_at" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "fills" ALTER COLUMN "created_at" SET NOT NULL;
COMMIT;
