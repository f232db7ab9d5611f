SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS fills_side_idx ON fills (side);
