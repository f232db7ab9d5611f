BEGIN;
--
-- Concurrently create index loans_closed_at_idx on field(s) closed_at of model loan
--
CREATE INDEX CONCURRENTLY "loans_closed_at_idx" ON "loans" ("closed_at");
COMMIT;
