CREATE INDEX CONCURRENTLY "index_audit_log_on_actor" ON "audit_log" ("actor");
