CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_captured_idx ON payments (captured_at);
