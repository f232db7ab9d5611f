--
-- Concurrently create index positions_opened_idx on field(s) opened_at of model position
--
CREATE INDEX CONCURRENTLY "positions_opened_idx" ON "positions" ("opened_at");
