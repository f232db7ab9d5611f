SET lock_timeout = '2s';
CREATE INDEX orders_market_idx ON ONLY orders (market_id);
CREATE INDEX orders_default_market_idx ON orders_default (market_id);
ALTER INDEX orders_market_idx ATTACH PARTITION orders_default_market_idx;
