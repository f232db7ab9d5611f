--
-- Concurrently create index positions_open_idx on field(s) market_id of model position
--
CREATE INDEX CONCURRENTLY "positions_open_idx" ON "positions" ("market_id") WHERE "status" = 'open';
