CREATE INDEX IF NOT EXISTS "treasury_transfers_status_idx" ON "treasury_transfers" USING btree ("status");
