CREATE INDEX IF NOT EXISTS "settlements_asset_idx" ON "settlements" USING btree ("asset");
