CREATE INDEX CONCURRENTLY "index_liquidations_on_liquidated_at" ON "liquidations" ("liquidated_at");
