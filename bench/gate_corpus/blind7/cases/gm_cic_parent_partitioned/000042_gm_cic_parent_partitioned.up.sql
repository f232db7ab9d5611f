CREATE INDEX CONCURRENTLY orders_market_idx ON orders (market_id);
