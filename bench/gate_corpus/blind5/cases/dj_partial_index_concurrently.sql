--
-- Concurrently create index loans_overdue_idx on field(s) matures_on of model loan
--
CREATE INDEX CONCURRENTLY "loans_overdue_idx" ON "loans" ("matures_on") WHERE "status" = 'active';
