CREATE INDEX CONCURRENTLY IF NOT EXISTS fills_side_idx ON fills (side);
