CREATE INDEX CONCURRENTLY fills_side_idx ON fills (side);
