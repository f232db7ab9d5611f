BEGIN;
--
-- Alter field asset on settlement
--
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_asset_fk_assets_code" FOREIGN KEY ("asset") REFERENCES "assets" ("code") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
