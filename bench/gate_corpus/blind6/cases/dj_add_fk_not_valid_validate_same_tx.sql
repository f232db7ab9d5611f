BEGIN;
--
-- Add FK not valid, then validate
--
SET lock_timeout = '2s';
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_asset_fk" FOREIGN KEY ("asset") REFERENCES "assets" ("code") NOT VALID;
ALTER TABLE "settlements" VALIDATE CONSTRAINT "settlements_asset_fk";
COMMIT;
