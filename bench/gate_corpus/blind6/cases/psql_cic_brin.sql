CREATE INDEX CONCURRENTLY audit_log_at_brin ON audit_log USING brin (at);
