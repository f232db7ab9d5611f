SET lock_timeout = '2s';
CREATE INDEX orders_market_idx ON orders (market_id);
