BEGIN;
--
-- Alter field note on withdrawal
--
UPDATE "withdrawals" SET "note" = '' WHERE "note" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "withdrawals" ALTER COLUMN "note" SET NOT NULL;
COMMIT;
