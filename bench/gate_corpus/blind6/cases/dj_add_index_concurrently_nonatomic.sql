--
-- Concurrently create index payouts_requested_at_idx
--
CREATE INDEX CONCURRENTLY "payouts_requested_at_idx" ON "payouts" ("requested_at");
