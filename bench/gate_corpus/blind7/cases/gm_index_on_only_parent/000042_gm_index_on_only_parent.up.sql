SET lock_timeout = '2s';
CREATE INDEX orders_market_idx ON ONLY orders (market_id);
