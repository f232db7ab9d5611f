CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_2026_12_market_idx ON orders_2026_12 (market_id);
