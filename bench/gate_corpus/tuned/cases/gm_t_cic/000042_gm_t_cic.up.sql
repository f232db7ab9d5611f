CREATE INDEX CONCURRENTLY IF NOT EXISTS fills_created_idx ON fills (created_at);
