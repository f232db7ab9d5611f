CREATE INDEX orders_side_idx ON orders (side);
