--
-- Concurrently create index positions_closed_at on field(s) closed_at of model position
--
CREATE INDEX CONCURRENTLY "positions_closed_at_idx" ON "positions" ("closed_at");
