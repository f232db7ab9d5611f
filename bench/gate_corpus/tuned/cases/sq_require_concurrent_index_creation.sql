CREATE INDEX fills_side_idx ON fills (side);
