--
-- Concurrently create index
--
CREATE INDEX CONCURRENTLY "payments_state_idx" ON "payments" ("state");
