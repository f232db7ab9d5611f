CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_market_idx" ON "orders_2026_12" USING btree ("market_id");
