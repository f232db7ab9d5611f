--
-- Raw SQL operation
--
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "accounts_external_id_uniq" ON "accounts" ("external_id");
