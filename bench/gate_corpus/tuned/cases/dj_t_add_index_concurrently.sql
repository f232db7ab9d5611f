--
-- Concurrently create index fills_created_idx
--
CREATE INDEX CONCURRENTLY "fills_created_idx" ON "fills" ("created_at");
